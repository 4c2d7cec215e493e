// The guided first run: the steps from an empty spreadsheet to a chosen push mode, each done or to do
// from what the spreadsheet and the document properties show (never from clicks remembered in the
// browser), and what "Sync now" still lacks, every item at once.

export type StepId = 'sheets' | 'amazon' | 'threePl' | 'test' | 'dryRun' | 'pushMode';

export interface GuideStep {
  id: StepId;
  label: string;
  done: boolean;
  /** What is still missing, or what was found, in a few words. */
  detail: string;
}

export interface GuideInput {
  missingTabs: readonly string[];
  /** tested: a test of what is saved now succeeded; failing: the last test or run was refused. */
  amazon: { clientId: boolean; clientSecret: boolean; refreshToken: boolean; sellerId: boolean; tested: boolean; failing: boolean };
  /** token: the 3PL's credentials are saved (ShipBob: a token; Mintsoft: a static key, or username and password). */
  threePl: { token: boolean; tested: boolean; failing: boolean; mintsoft?: boolean };
  /** A stock sync has completed (inventory.lastSuccessAt). */
  dryRunDone: boolean;
  pushMode: string;
  /** Someone chose the push mode in the sidebar (dry-run may be a choice too). */
  pushModeChosen: boolean;
}

function amazonMissing(a: GuideInput['amazon']): string[] {
  return [
    ...(a.clientId ? [] : ['LWA client ID']),
    ...(a.clientSecret ? [] : ['client secret']),
    ...(a.refreshToken ? [] : ['refresh token']),
    ...(a.sellerId ? [] : ['seller ID']),
  ];
}

export function guideSteps(g: GuideInput): GuideStep[] {
  const amazonLacks = amazonMissing(g.amazon);
  const untested = [...(g.amazon.tested ? [] : ['Amazon']), ...(g.threePl.tested ? [] : ['the 3PL'])];
  // A spreadsheet that synced stock before tests existed has proved both connections, unless one fails now.
  const proved = g.dryRunDone && !g.amazon.failing && !g.threePl.failing;
  const failing = [...(g.amazon.failing ? ['Amazon'] : []), ...(g.threePl.failing ? ['the 3PL'] : [])];
  return [
    { id: 'sheets', label: 'Set up the sheets', done: g.missingTabs.length === 0, detail: g.missingTabs.length ? `Missing tabs: ${g.missingTabs.join(', ')}.` : 'All tabs are there.' },
    { id: 'amazon', label: 'Connect Amazon', done: amazonLacks.length === 0, detail: amazonLacks.length ? `Still needed: ${amazonLacks.join(', ')}.` : 'Credentials and seller ID saved.' },
    g.threePl.mintsoft
      ? { id: 'threePl', label: 'Connect the 3PL (Mintsoft)', done: g.threePl.token, detail: g.threePl.token ? 'Login saved.' : 'Still needed: Mintsoft username and password (or a static API key).' }
      : { id: 'threePl', label: 'Connect the 3PL (ShipBob)', done: g.threePl.token, detail: g.threePl.token ? 'Token saved.' : 'Still needed: personal access token.' },
    {
      id: 'test',
      label: 'Test the connections',
      done: untested.length === 0 || proved,
      detail: failing.length ? `Refused: ${failing.join(' and ')} (see Connections).` : untested.length === 0 ? 'Both answered.' : proved ? 'A stock sync has reached both.' : `Not tested yet: ${untested.join(' and ')}.`,
    },
    {
      id: 'dryRun',
      label: 'Run a first dry run',
      done: g.dryRunDone,
      detail: g.dryRunDone
        ? 'The Inventory tab shows what would be pushed.'
        : g.pushMode === 'auto'
          ? 'Push mode is auto, so a run would push: switch it to dry-run under Stock first.'
          : 'Computes every quantity into the Inventory tab and pushes nothing.',
    },
    {
      id: 'pushMode',
      label: 'Choose a push mode',
      done: g.pushModeChosen || g.pushMode !== 'dry-run',
      detail: g.pushModeChosen || g.pushMode !== 'dry-run' ? `Push mode: ${g.pushMode}.` : 'dry-run until you choose approve or auto.',
    },
  ];
}

/** Everything "Sync now" still needs, all of it (not just the first thing). */
export function syncBlockers(g: GuideInput): string[] {
  const out: string[] = [];
  if (g.missingTabs.length) out.push('set up the sheets');
  const amazonLacks = amazonMissing(g.amazon);
  if (amazonLacks.length) out.push(`connect Amazon (${amazonLacks.join(', ')})`);
  if (!g.threePl.token) out.push(g.threePl.mintsoft ? 'connect the 3PL (Mintsoft username and password)' : 'connect the 3PL (access token)');
  return out;
}
