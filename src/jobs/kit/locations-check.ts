// Settings "3PL locations" checked against the 3PL's own locations (ThreePlAdapter.listWarehouses):
// an id the 3PL does not have is CONFIG_INVALID naming the cell and listing the 3PL's ids and
// names. The stock sync then counts only the known locations (fewer units, never more); with none
// known it stops, because an empty list would mean "all locations".

import { ConfigInvalidError } from '../../core/config-invalid';
import { exceptionKey } from '../../core/exceptions';
import type { RaisedException } from '../../core/exceptions';
import type { ThreePlAdapter, Warehouse } from '../../threepl/types';
import type { JobContext } from './job';

const SETTING = '3PL locations';

interface LocationCheck {
  /** The location ids to count (what people typed, a location name turned into its id). */
  use: string[];
  /** What people typed that is no location of the 3PL. */
  unknown: string[];
}

/** Matches each typed entry to a location by id, or by its exact name when exactly one location has it. */
export function matchLocations(typed: readonly string[], warehouses: readonly Warehouse[]): LocationCheck {
  const use: string[] = [];
  const unknown: string[] = [];
  for (const t of typed) {
    const byId = warehouses.find((w) => w.id === t);
    const byName = warehouses.filter((w) => w.name.trim().toLowerCase() === t.toLowerCase());
    const hit = byId ?? (byName.length === 1 ? byName[0] : undefined);
    if (hit) {
      if (!use.includes(hit.id)) use.push(hit.id);
    } else unknown.push(t);
  }
  return { use, unknown };
}

function locationList(warehouses: readonly Warehouse[]): string {
  if (warehouses.length === 0) return 'The 3PL lists no locations this account may use.';
  return `The 3PL's locations are: ${warehouses.map((w) => `${w.id} (${w.name}${w.active ? '' : ', inactive'})`).join(', ')}.`;
}

function problemText(typed: readonly string[], check: LocationCheck, warehouses: readonly Warehouse[]): string {
  const what = check.unknown.map((u) => `"${u}"`).join(', ');
  const then = check.use.length
    ? `Until it is fixed the stock sync counts only ${check.use.join(', ')}, so Amazon is offered no stock from the others.`
    : 'None of it is a known location, and counting every location instead could offer stock the person meant to leave out.';
  return (
    `Settings "${SETTING}" holds "${typed.join(', ')}": ${what} ${check.unknown.length > 1 ? 'are' : 'is'} not a location of the 3PL. ` +
    `${locationList(warehouses)} Type the location IDs separated by commas, or empty the cell for all locations. ${then}`
  );
}

/**
 * The context with "3PL locations" reduced to the locations the 3PL has, raising CONFIG_INVALID
 * for the rest (under the job's name, so the job's next clean run resolves it). Throws when none
 * of them is known. Unchanged (and no 3PL call) when the setting is empty.
 */
export function withCheckedLocations(ctx: JobContext, adapter: ThreePlAdapter, jobName: string): JobContext {
  const typed = ctx.settings.threePlLocations;
  if (typed.length === 0) return ctx;
  const warehouses = adapter.listWarehouses();
  const check = matchLocations(typed, warehouses);
  if (check.unknown.length === 0 && check.use.every((id, i) => id === typed[i])) return ctx;
  if (check.unknown.length > 0) {
    const message = problemText(typed, check, warehouses);
    if (check.use.length === 0) throw new ConfigInvalidError(message, SETTING, `Settings: ${SETTING}`);
    const problem: RaisedException = { key: exceptionKey('CONFIG_INVALID', jobName, SETTING), type: 'CONFIG_INVALID', entity: `Settings: ${SETTING}`, message };
    ctx.raise(problem);
  }
  return { ...ctx, settings: { ...ctx.settings, threePlLocations: check.use } };
}

/** The one 3PL location a flow sends to or from, or the Settings cell that must name it and why. */
export type OneLocation = { id: string } | { setting: string; problem: string };

/**
 * The one location a flow uses (removals received, FBA orders shipped): what people typed in
 * `setting` matched by ID or exact name, else the 3PL's only active location. A name or ID the 3PL
 * does not have, or several locations and nothing typed, is the Settings cell's problem, listing
 * the locations, never a guess and never the 3PL refusing the order.
 */
export function oneLocation(x: { typed: string | null; setting: string; emptySetting: string; purpose: string; warehouses: readonly Warehouse[]; threePlName: string }): OneLocation {
  const allowed = `Type one of ${x.threePlName}'s location IDs or names: ${x.warehouses.map((w) => `${w.id} (${w.name})`).join(', ') || 'none listed'}.`;
  if (x.typed) {
    const id = matchLocations([x.typed], x.warehouses).use[0];
    return id ? { id } : { setting: x.setting, problem: `Settings "${x.setting}" holds "${x.typed}", which is no ${x.threePlName} location. ${allowed}` };
  }
  const active = x.warehouses.filter((w) => w.active);
  if (active.length === 1) return { id: active[0]!.id };
  return { setting: x.emptySetting, problem: `${x.threePlName} has ${active.length} locations and Settings "${x.emptySetting}" is empty, so the add-on cannot tell which one ${x.purpose}. ${allowed}` };
}
