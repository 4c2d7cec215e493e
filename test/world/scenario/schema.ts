// The scenario file format (docs/scenarios.md) as a zod schema. The format is a
// contract: fields are only ever added, optional. A bad file is rejected with the field's path.

import { z } from 'zod';
import { amazonSectionSchema } from '../amazon/scenario';
import { mintsoftSectionSchema, type MintsoftSection } from '../mintsoft/scenario';
import { threePlSectionSchema, type ThreePlSection } from '../shipbob/scenario';
import { durationField as duration, isoField as isoInstant } from './fields';

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const faultSchema = z.object({
  system: z.enum(['amazon', 'threePl', 'lwa']),
  operation: z.string().min(1),
  kind: z.enum(['429', '500', '503', 'timeout', 'lost_response', 'malformed', 'auth_expired', 'not_applied', 'echo_credential']),
  times: z.number().int().positive().optional(),
  after: z.number().int().nonnegative().optional(),
  probability: z.number().min(0).max(1).optional(),
  seed: z.number().int().optional(),
  /** Extension: from this virtual instant on the fault no longer fires (an outage that ends). */
  until: isoInstant.optional(),
});

const runStep = z.object({
  run: z.string().regex(/^[A-Za-z_$][\w$]*$/, 'must name a public function of the bundle'),
  args: z.array(z.unknown()).optional(),
  /** Extension: how the execution starts (default: "menu"; onOpen/onInstall default to a simple trigger). */
  as: z.enum(['menu', 'sidebar', 'simple-trigger', 'time-trigger', 'editor']).optional(),
  /** Extension: answers to any alert() the execution shows, in order. */
  alertResponses: z.array(z.string()).optional(),
  /** Extension: the Google account (an email) the execution runs as, e.g. a second editor. Default: the world's user. */
  user: z.string().min(1).optional(),
});

const advanceStep = z.object({ advance: duration });
const triggerStep = z.object({ trigger: z.literal('time'), for: duration });
const editStep = z.object({
  edit: z.object({
    tab: z.string().min(1),
    match: z.record(z.string(), cell),
    set: z.record(z.string(), cell),
  }),
});
const worldStep = z.object({
  world: z.object({ system: z.enum(['amazon', 'threePl']), action: z.string().min(1) }).passthrough(),
});

const STEP_KINDS = {
  run: runStep.strict(),
  advance: advanceStep.strict(),
  trigger: triggerStep.strict(),
  edit: editStep.strict(),
  world: worldStep.strict(),
} as const;

export type Step =
  | z.infer<typeof runStep>
  | z.infer<typeof advanceStep>
  | z.infer<typeof triggerStep>
  | z.infer<typeof editStep>
  | z.infer<typeof worldStep>;

/** A step is recognised by its key, so an error speaks of that kind of step only. */
export const stepSchema = z.record(z.string(), z.unknown()).transform((value, ctx): Step => {
  const kind = (Object.keys(STEP_KINDS) as Array<keyof typeof STEP_KINDS>).find((k) => k in value);
  if (!kind) {
    ctx.addIssue({ code: 'custom', message: 'a step needs one of: run, advance, trigger, edit, world' });
    return z.NEVER;
  }
  const parsed = STEP_KINDS[kind].safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return parsed.data as Step;
});

/** The 3PL seed, read by its `provider` (extension: "mintsoft" besides "shipbob"); errors keep their field paths. */
const threePlSection = z.record(z.string(), z.unknown()).transform((value, ctx): ThreePlSection | MintsoftSection => {
  const parsed = (value.provider === 'mintsoft' ? mintsoftSectionSchema : threePlSectionSchema).safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return parsed.data;
});

export const scenarioSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a folder name: letters, digits, ".", "_" or "-"'),
  description: z.string().optional(),
  start: isoInstant.optional(),
  mode: z.enum(['bound', 'addon']).optional(),
  /** Extension: the Google account's quota class (quotas page): trigger runtime, URL fetches, mail. Default consumer. */
  googleAccount: z.enum(['consumer', 'workspace']).optional(),
  /** Extension: the user's language (Session.getActiveUserLocale), in which Apps Script words its errors. Default "en". */
  userLocale: z.string().regex(/^[a-z]{2,3}(?:[_-][A-Za-z]{2})?$/, 'must be a language code such as en, de or ja_JP').optional(),
  /** Extension: the spreadsheet's time zone (File → Settings; Spreadsheet.getSpreadsheetTimeZone), an IANA name. Default "Europe/London". */
  spreadsheetTimeZone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-GB', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as America/Los_Angeles or Asia/Tokyo')
    .optional(),
  sheet: z.record(z.string(), z.array(z.array(cell))).optional(),
  secrets: z
    .object({
      amazon: z.object({ clientId: z.string(), clientSecret: z.string(), refreshToken: z.string() }).optional(),
      /** Extension: Mintsoft's `username` and `password` (POST /api/Auth); `token` is then its static API key, "" for none. */
      threePl: z.object({ token: z.string(), username: z.string().optional(), password: z.string().optional() }).optional(),
    })
    .optional(),
  amazon: amazonSectionSchema.optional(),
  threePl: threePlSection.optional(),
  faults: z.array(faultSchema).optional(),
  steps: z.array(stepSchema),
});

export type Scenario = z.infer<typeof scenarioSchema>;

/** Validates parsed JSON; the error lists each problem with its field path. */
export function parseScenario(json: unknown, source = 'scenario'): Scenario {
  const result = scenarioSchema.safeParse(json);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.length ? fieldPath(i.path) : '(top level)'}: ${i.message}`);
  throw new ScenarioError(`${source} is not a valid scenario:\n${lines.join('\n')}`);
}

/** `steps[2].advance`, `amazon.listings[0].channel`: the way a person points into the JSON. */
function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}
