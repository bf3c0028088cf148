// npm run mutate [group ...]: StrykerJS over each group of rule modules in turn (tests/mutation/
// groups.json), then the score of each module and the wall time of each group. Not part of
// npm test: a full run takes a while. docs/engineering/mutation-testing.md has the scores.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const groups = JSON.parse(fs.readFileSync('tests/mutation/groups.json', 'utf8'));
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(groups);
const summary = [];
for (const name of names) {
  if (!groups[name]) throw new Error(`unknown group ${name}: ${Object.keys(groups).join(', ')}`);
  const t0 = Date.now();
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATE_GROUP: name },
  });
  const wall = Math.round((Date.now() - t0) / 1000);
  if (run.status !== 0) {
    console.error(`group ${name}: stryker exited with ${run.status}`);
    process.exitCode = 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(`reports/mutation/${name}.json`, 'utf8'));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const count = (...s) => mutants.filter((m) => s.includes(m.status)).length;
    const killed = count('Killed', 'Timeout');
    const valid = killed + count('Survived', 'NoCoverage');
    summary.push({
      group: name,
      wall,
      file,
      killed,
      survived: count('Survived'),
      noCoverage: count('NoCoverage'),
      score: valid ? (100 * killed) / valid : 100,
    });
  }
}
console.log('\ngroup         wall  score   killed survived no-cov  module');
for (const s of summary)
  console.log(
    `${s.group.padEnd(12)} ${String(s.wall).padStart(4)}s ${s.score.toFixed(1).padStart(6)} % ${String(s.killed).padStart(6)} ${String(s.survived).padStart(8)} ${String(s.noCoverage).padStart(6)}  ${s.file}`,
  );
