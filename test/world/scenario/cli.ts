// `npm run scenario -- FILE` and `npm run demo`: runs a scenario file and prints where the results are.
// Exit status 0 when every step ran (executions that throw are recorded), non-zero with a clear
// message when the file is invalid or the harness fails (docs/scenarios.md "Output").

import path from 'node:path';
import { runScenarioFile } from './runner';
import { summarise } from './summary';

const DEMO = 'scenarios/demo-uk-brand.json';

async function main(argv: string[]): Promise<number> {
  const demo = argv.includes('--demo');
  const files = demo ? [DEMO] : argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    console.error('Usage: npm run scenario -- path/to/scenario.json [more.json ...]   (or: npm run demo)');
    return 2;
  }
  for (const file of files) {
    const { dir, run } = await runScenarioFile(file);
    console.log(summarise(run));
    console.log(`\nResults: ${path.relative(process.cwd(), dir)}/ (workbook.json, workbook.xlsx, world.json, metrics.json, log.txt)`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
