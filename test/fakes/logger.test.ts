// Logger and console fakes against https://developers.google.com/apps-script/reference/base/logger
// and https://developers.google.com/apps-script/guides/logging.

import { describe, expect, it } from 'vitest';
import { makeLogging } from '../world/gas/logger';
import { harness } from './gas-harness';

describe('Logger and console', () => {
  it('Logger.log formats like formatString and chains; lines reach the service log and the world log', () => {
    const h = harness();
    const logs: string[] = [];
    const { Logger, console } = makeLogging(h.ctx, logs);
    Logger.log('synced %s rows in %.1f s', 12, 3.25).log({ a: 1 });
    console.warn('slow', 2);
    console.error('failed: %s', 'x');
    expect(logs).toEqual(['INFO synced 12 rows in 3.3 s', 'INFO {"a":1}', 'WARNING slow 2', 'ERROR failed: x']);
    expect(h.world.logLines.map((l) => l.replace(/^\S+ /, ''))).toEqual(logs);
    expect(Logger.getLog()).toBe('synced 12 rows in 3.3 s\n{"a":1}\n');
  });
});
