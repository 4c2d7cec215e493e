// The run's one redaction point (src/jobs/kit/redaction.ts; issue 10): whatever a job writes, logs,
// mails or returns passes it, with the stored secrets, the credentials clients send or obtain while
// the run lasts, and the query strings of pre-signed S3 URLs (AWS SigV4 query authentication puts
// X-Amz-Credential / X-Amz-Signature / X-Amz-Security-Token in the query:
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html).

import { describe, expect, it } from 'vitest';
import { LWA_TOKEN_URL } from '../../src/amazon/hosts';
import { redact } from '../../src/core/secrets';
import { TAB } from '../../src/core/tabs';
import { createRedactor } from '../../src/jobs/kit/redaction';
import { runJob } from '../../src/jobs/kit/runner';
import type { Job } from '../../src/jobs/kit/job';
import type { Ports } from '../../src/ports';
import type { HttpRequest, HttpResponse } from '../../src/ports/http';
import { runSetup } from '../../src/sheet/setup';
import { VirtualClock } from '../world/clock';
import { makeMailApp, type MailMessage } from '../world/gas/mail';
import { memoryCache, memoryLog, memoryStore, nodeCodec, nodeLock, virtualClockPort, worldMail } from '../world/node-ports';
import { harness } from '../fakes/gas-harness';
import { memoryWorkbook } from './memory-workbook';

const START = '2026-11-02T08:00:00Z';
const STORED = 'shipbob-pat-STORED-TOKEN-1';
/** Issued by Login with Amazon while the run lasts: known to no one beforehand. */
const ISSUED = 'Atza|IssuedDuringRun-abc';
/** Sent in a header by a client that had it cached from an earlier run. */
const CACHED = 'Atza|CachedFromEarlier-xyz';
const PRESIGNED =
  'https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com/doc-1?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261102%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Signature=deadbeefcafe&X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLE';
const LEAKS = [STORED, ISSUED, CACHED, 'AKIAEXAMPLE', 'deadbeefcafe', 'FQoGZXIvYXdzEXAMPLE'];

function answer(status: number, text: string): HttpResponse {
  return { status, headers: {}, text, bytes: () => [] };
}

function ports() {
  const clock = new VirtualClock(START);
  const { ctx } = harness({ start: START });
  const outbox: MailMessage[] = [];
  const log = memoryLog();
  const workbook = memoryWorkbook();
  runSetup(workbook);
  // Alert email set, so the run's High problem is mailed.
  const settings = workbook.read(TAB.settings)!.findIndex((r) => r[0] === 'Alert email');
  workbook.writeCell(TAB.settings, settings + 1, 2, 'ops@example.co.uk');
  const http = {
    fetch: (req: HttpRequest) => (req.url === LWA_TOKEN_URL ? answer(200, JSON.stringify({ access_token: ISSUED, expires_in: 3600 })) : answer(403, 'denied')),
  };
  const p: Ports = {
    http,
    store: memoryStore(),
    cache: memoryCache(clock),
    lock: nodeLock(),
    clock: virtualClockPort(clock),
    codec: nodeCodec,
    log,
    mail: worldMail(makeMailApp(ctx, { dailyQuota: 100, windowStart: null, used: 0 }, outbox)),
    workbook,
  };
  return { p, log, workbook, outbox };
}

/** A job that catches its own errors and returns them, as the stock sync does: the runner never sees a throw. */
const echoing: Job = {
  name: 'echo-probe',
  label: 'Echo probe',
  scheduled: false,
  exceptionScope: ['AUTH_FAILED'],
  run(ctx) {
    ctx.ports.http.fetch({ url: LWA_TOKEN_URL, method: 'post', payload: 'grant_type=refresh_token' });
    ctx.ports.http.fetch({ url: 'https://sellingpartnerapi-eu.amazon.com/x', method: 'get', headers: { 'x-amz-access-token': CACHED } });
    ctx.ports.http.fetch({ url: 'https://api.shipbob.com/2026-01/x', method: 'get', headers: { Authorization: `Bearer ${STORED}` } });
    const said = `tokens ${ISSUED} ${CACHED} ${STORED}, document ${PRESIGNED}`;
    ctx.ports.log.warn(`upstream said: ${said}`);
    ctx.ports.workbook.writeCell(TAB.skuMap, 2, 12, `Status: ${said}`);
    ctx.raise({ key: 'AUTH_FAILED:amazon', type: 'AUTH_FAILED', entity: `Amazon ${ISSUED}`, message: `Refused: ${said}` });
    return { outcome: 'failed', counts: {}, message: `Caught: ${said}` };
  },
};

describe('one redaction point per run', () => {
  it('keeps stored, issued and sent credentials and pre-signed queries out of cells, log, mail and the summary', () => {
    const { p, log, workbook, outbox } = ports();
    const summary = runJob(echoing, p, { secrets: [STORED, null] });
    const outputs = {
      workbook: JSON.stringify([...workbook.tabs.entries()]),
      log: log.lines.join('\n'),
      mail: JSON.stringify(outbox),
      summary: JSON.stringify(summary),
    };
    expect(outbox).toHaveLength(1);
    for (const [where, text] of Object.entries(outputs)) {
      for (const leak of LEAKS) expect(text.includes(leak), `${where} shows ${leak}`).toBe(false);
      // The text around the secrets is kept: people still see what went wrong and where.
      expect(text, where).toContain('tortuga-prod-eu.s3-eu-west-1.amazonaws.com/doc-1?[redacted]');
    }
    expect(summary.message).toContain('Caught: tokens [redacted] [redacted] [redacted]');
  });
});

describe('redact', () => {
  it('removes a secret as sent in a form or URL and inside a JSON string', () => {
    const secret = 'Atzr|refresh/with+"quote"';
    const text = `raw ${secret} form ${encodeURIComponent(secret)} json ${JSON.stringify(secret)}`;
    const out = redact(text, [secret]);
    expect(out).toBe('raw [redacted] form [redacted] json "[redacted]"');
  });

  it('removes the longer of two overlapping secrets whole', () => {
    expect(redact('key abcd-efgh-ijkl', ['abcd', 'abcd-efgh-ijkl'])).toBe('key [redacted]');
  });

  it('removes S3 signing parameters wherever they appear and the query of amazonaws.com URLs only', () => {
    expect(redact('signed with X-Amz-Signature=abc123&X-Amz-Credential=AKIA%2Fx', [])).toBe('signed with X-Amz-Signature=[redacted]&X-Amz-Credential=[redacted]');
    expect(redact('see https://api.shipbob.com/2026-01/inventory?Page=2', [])).toBe('see https://api.shipbob.com/2026-01/inventory?Page=2');
    expect(redact(`"${PRESIGNED}"`, [])).toBe('"https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com/doc-1?[redacted]"');
  });

  it('redacts every string of a returned value, leaving other values as they are', () => {
    const r = createRedactor([STORED]);
    const when = new Date(Date.parse(START));
    expect(r.value({ a: [`x ${STORED}`, 3, true, null], when })).toEqual({ a: ['x [redacted]', 3, true, null], when });
  });
});

describe('redact: a secret echoed escaped', () => {
  // ShipBob-style token with "+" and "/" (base64), Amazon's refresh token with "|", a secret with "&" and "'".
  const B64 = 'sbPAT+abc/DEF0123456789==';
  const REFRESH = 'Atzr|IwEBIRefresh-Token.0123';
  const ODD = "pa&ss'word<42>";
  it.each([
    ['System.Text.Json \\u escapes (ASP.NET)', `{"detail":"token sbPAT\\u002Babc/DEF0123456789\\u003D\\u003D refused"}`, B64],
    ['JSON "\\/"', `{"detail":"token sbPAT+abc\\/DEF0123456789== refused"}`, B64],
    ['lower-case percent-encoding', 'refresh_token=Atzr%7cIwEBIRefresh-Token.0123&grant_type=refresh_token', REFRESH],
    ['upper-case \\u hex', 'got Atzr\\u007CIwEBIRefresh-Token.0123', REFRESH],
    ['HTML entities in an error page', '<p>refused: pa&amp;ss&#39;word&lt;42&gt;</p>', ODD],
    ['hex HTML entities', 'refused: pa&#x26;ss&#x27;word&#x3c;42&#x3e;', ODD],
  ])('removes it from %s', (_what, echoed, secret) => {
    const out = redact(echoed, [secret]);
    expect(out).toContain('[redacted]');
    expect(out).not.toMatch(/IwEBIRefresh|DEF0123456789|word/);
  });

  it('leaves text that only shares the secret\'s letters alone', () => {
    expect(redact('sbPAT abc DEF0123456789', [B64])).toBe('sbPAT abc DEF0123456789');
  });
});

describe('redact: a secret cut short on the way', () => {
  const ACCESS = `Atza|IwEBI${'x9Y'.repeat(120)}`;
  it('removes the beginning of a long access token an error body quoted only up to 200 characters', () => {
    const body = `{"message":"Forbidden for token ${ACCESS}"}`.slice(0, 200);
    const out = redact(`Amazon refused the call (HTTP403: ${body})`, [ACCESS]);
    expect(out).toBe('Amazon refused the call (HTTP403: {"message":"Forbidden for token [redacted])');
  });

  it('keeps the public prefix alone and a few characters past it (help texts name "Atza|", "amzn1.oa2-cs.v1.")', () => {
    const secret = 'amzn1.oa2-cs.v1.0123456789abcdef0123456789';
    expect(redact('should start with "amzn1.oa2-cs.v1." or "Atza|"', [secret, ACCESS])).toBe('should start with "amzn1.oa2-cs.v1." or "Atza|"');
    expect(redact('ends amzn1.oa2-cs.v1.0123456789…', [secret])).toBe('ends amzn1.oa2-cs.v1.0123456789…');
    expect(redact('ends amzn1.oa2-cs.v1.0123456789abcdef…', [secret])).toBe('ends [redacted]…');
  });

  it('leaves a short password\'s first letters alone (a brand word in a cell is not a secret)', () => {
    expect(redact('Hearth&Thread tee', ['Hearth&Thread2024!'])).toBe('Hearth&Thread tee');
  });
});
