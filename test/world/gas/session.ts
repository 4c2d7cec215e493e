// Fake Session (https://developers.google.com/apps-script/reference/base/session): the active and
// effective user, the script's time zone (manifest) and the user's locale.

import { SCOPES, fail, stableHash, type Ctx } from './context';

export interface SessionOptions {
  locale: string;
  scriptId: string;
}

export function makeSession(ctx: Ctx, opts: SessionOptions) {
  const { world, manifest } = ctx;
  const user = (method: string) => ({
    /**
     * "If security policies do not allow access to the user's identity, User.getEmail() returns a
     * blank string" — and it is never available in simple triggers (apps-script.md §2.8). With an
     * explicit oauthScopes list the call needs userinfo.email (apps-script.md §5).
     */
    getEmail(): string {
      const ex = world.guard();
      if (manifest.oauthScopes && !manifest.oauthScopes.includes(SCOPES.userEmail)) {
        fail(ctx, `You do not have permission to call ${method}. Required permissions: ${SCOPES.userEmail}`);
      }
      if (ex.kind === 'simple-trigger' || ex.authMode === 'NONE') return '';
      return world.activeUserEmail;
    },
  });
  return {
    getActiveUser: () => { world.guard(); return user('Session.getActiveUser'); },
    /**
     * "If the script is running under an installable trigger, this returns the account of the user
     * who created the trigger" (https://developers.google.com/apps-script/reference/base/session#getEffectiveUser()):
     * the scenario runner makes the trigger's owner the world's active user for that execution.
     */
    getEffectiveUser: () => { world.guard(); return user('Session.getEffectiveUser'); },
    /** The manifest's timeZone, separate from the spreadsheet's ("a frequent source of scripting bugs"). */
    getScriptTimeZone(): string {
      world.guard();
      return manifest.timeZone ?? world.scriptTimeZone;
    },
    getActiveUserLocale(): string {
      world.guard();
      return opts.locale;
    },
    /**
     * "a temporary key that is unique to the active user but does not reveal the user identity";
     * unique per user and script, rotates every 30 days (rotation not simulated)
     * (https://developers.google.com/apps-script/reference/base/session#getTemporaryActiveUserKey()).
     */
    getTemporaryActiveUserKey(): string {
      world.guard();
      return `tak-${stableHash(`${opts.scriptId}:${world.activeUserEmail}`).toString(36)}`;
    },
  };
}
