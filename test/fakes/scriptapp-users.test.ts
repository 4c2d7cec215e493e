// ScriptApp fake with several users: "Gets all installable triggers associated with the current
// project and current user" (https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()),
// installable triggers "run under the account of the person who created them"
// (https://developers.google.com/apps-script/guides/triggers/installable#restrictions), so a user
// can neither list nor delete another user's trigger; Session keys differ per user
// (https://developers.google.com/apps-script/reference/base/session#getTemporaryActiveUserKey()).

import { describe, expect, it } from 'vitest';
import { deleteOthersTriggerMessage, makeScriptApp, type ScriptState } from '../world/gas/scriptapp';
import { makeSession } from '../world/gas/session';
import { TriggerModel } from '../world/gas/triggers';
import { gasMessage, harness } from './gas-harness';

function setup() {
  const h = harness({ manifest: { timeZone: 'Europe/London' } });
  const triggers = new TriggerModel();
  const script: ScriptState = { scriptId: 'script-1', authorizationRequired: false, documentId: 'sheet-1' };
  return { ...h, triggers, app: makeScriptApp(h.ctx, { triggers, script }), session: makeSession(h.ctx, { locale: 'en', scriptId: 'script-1' }) };
}

describe('ScriptApp with two users', () => {
  it("lists only the current user's triggers", () => {
    const { world, app } = setup();
    const mine = app.newTrigger('tick').timeBased().everyHours(1).create();
    world.activeUserEmail = 'finance@example.co.uk';
    const theirs = app.newTrigger('tick').timeBased().everyHours(1).create();
    expect(app.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([theirs.getUniqueId()]);
    expect(app.getUserTriggers('sheet-1')).toHaveLength(0);
    world.activeUserEmail = 'ops@example.co.uk';
    expect(app.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([mine.getUniqueId()]);
  });

  it("refuses to delete another user's trigger and keeps it", () => {
    const { world, app, triggers } = setup();
    const t = app.newTrigger('tick').timeBased().everyHours(1).create();
    world.activeUserEmail = 'finance@example.co.uk';
    expect(gasMessage(() => app.deleteTrigger(t))).toBe(deleteOthersTriggerMessage(t.getUniqueId()));
    expect(triggers.triggers).toHaveLength(1);
    world.activeUserEmail = 'ops@example.co.uk';
    app.deleteTrigger(t);
    expect(triggers.triggers).toHaveLength(0);
  });

  it('fires each trigger as its owner', () => {
    const { world, app, triggers } = setup();
    app.newTrigger('tick').timeBased().everyHours(1).create();
    const fires = triggers.occurrences(world.clock.now(), world.clock.now() + 3_600_000);
    expect(fires.map((f) => f.owner)).toEqual(['ops@example.co.uk']);
  });

  it('gives each user a different temporary key', () => {
    const { world, session } = setup();
    const a = session.getTemporaryActiveUserKey();
    world.activeUserEmail = 'finance@example.co.uk';
    expect(session.getTemporaryActiveUserKey()).not.toBe(a);
  });
});
