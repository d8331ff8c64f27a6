// Times the npm peer linters on the drafts in a JSON file (an array of strings).
// Usage: node run.mjs DRAFTS.json  ->  prints {"write-good": {...}, "alex": {...}} as JSON.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { text as alex } from 'alex';

const require = createRequire(import.meta.url);
const writeGood = require('write-good');

const drafts = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function time(lint) {
  for (const draft of drafts.slice(0, 200)) lint(draft);  // warm up the JIT
  const durations = [];
  let findings = 0;
  const started = performance.now();
  for (const draft of drafts) {
    const before = performance.now();
    findings += lint(draft);
    durations.push(performance.now() - before);
  }
  const seconds = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  const at = (share) => durations[Math.max(0, Math.min(durations.length - 1, Math.ceil(share * durations.length) - 1))];
  return { count: durations.length, seconds, p50_ms: at(0.5), p99_ms: at(0.99), findings };
}

const results = {
  'write-good': time((draft) => writeGood(draft).length),
  alex: time((draft) => alex(draft).messages.length),
};
process.stdout.write(JSON.stringify(results));
