// Static scan of the Electron shell with @doyensec/electronegativity (run through its API:
// its CLI breaks against the commander this project uses). Every HIGH or MEDIUM finding
// must be explained in scripts/electronegativity-explained.json, or the scan fails.
// The scanner misses some settings; test/shell/window-policy.test.ts is the real check.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const explained = JSON.parse(readFileSync(new URL('./electronegativity-explained.json', import.meta.url), 'utf8'));

const result = await run({
  input: new URL('../src-main', import.meta.url).pathname,
  customScan: [],
  excludeFromScan: [],
  parserPlugins: [],
  isRelative: false,
  isVerbose: false,
  electronVersionOverride: require('electron/package.json').version,
});

const serious = result.issues.filter((i) => ['HIGH', 'MEDIUM'].includes(i.severity.name));
const unexplained = [];
for (const i of serious) {
  const file = relative(process.cwd(), i.file);
  const why = explained[`${i.id} ${file}`] ?? explained[i.id];
  console.log(
    `${why ? 'explained  ' : 'UNEXPLAINED'} ${i.severity.name.padEnd(6)} ${i.id.padEnd(40)} ${file}:${i.location.line}${why ? `\n            ${why}` : ''}`,
  );
  if (!why) unexplained.push(i);
}
console.log(
  `\n${result.issues.length} findings, ${serious.length} HIGH/MEDIUM, ${unexplained.length} unexplained (${result.atomicChecks} atomic and ${result.globalChecks} global checks).`,
);
if (unexplained.length > 0) process.exit(1);
