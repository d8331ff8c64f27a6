// Times the npm peer linters on the drafts in a JSON file (an array of strings).
// Usage: node run.mjs DRAFTS.json  ->  prints {"write-good": {...}, "alex": {...}, ...} as JSON, one entry per
// peer in PEERS: its timing, or {"error": "..."} when that peer could not be loaded or run.
// PEERS is the one list of npm peers: bench/peers.py reports whatever names this prints.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);

// Each entry loads its linter (imports, WASM set-up: not timed) and returns lint(draft) -> number of findings.
const PEERS = {
  'write-good': async () => {
    const writeGood = require('write-good');
    return (draft) => writeGood(draft).length;
  },
  alex: async () => {
    const { text } = await import('alex');
    return (draft) => text(draft).messages.length;
  },
  textlint: async () => {
    // The kernel is what textlint's own createLinter drives, without its config-file and rule-name loading.
    const { TextlintKernel } = require('@textlint/kernel');
    const load = (name) => {  // as textlint's module-interop: some rules are CommonJS compiled from ES modules
      const module = require(name);
      return module?.__esModule ? module.default : module;
    };
    const options = {
      ext: '.txt',  // drafts are plain text
      plugins: [{ pluginId: 'text', plugin: load('@textlint/textlint-plugin-text') }],
      rules: ['terminology', 'stop-words', 'write-good'].map((name) => (
        { ruleId: name, rule: load(`textlint-rule-${name}`) })),
    };
    const kernel = new TextlintKernel();
    return async (draft) => (await kernel.lintText(draft, options)).messages.length;
  },
  'harper.js': async () => {
    // harper.js/binary reads the WASM file from node_modules (fs, not fetch); set-up compiles it.
    const { LocalLinter } = await import('harper.js');
    const { binary } = await import('harper.js/binary');
    const linter = new LocalLinter({ binary });
    await linter.setup();
    return async (draft) => (await linter.lint(draft, { language: 'plaintext' })).length;
  },
};

const drafts = JSON.parse(readFileSync(process.argv[2], 'utf8'));

async function time(lint) {
  // A sync peer's result is used as it is, so only the async peers (textlint, harper.js) pay for an await.
  for (const draft of drafts.slice(0, 200)) await lint(draft);  // warm up the JIT
  const durations = [];
  let findings = 0;
  const started = performance.now();
  for (const draft of drafts) {
    const before = performance.now();
    let found = lint(draft);
    if (found instanceof Promise) found = await found;
    durations.push(performance.now() - before);
    findings += found;
  }
  const seconds = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  const at = (share) => durations[Math.max(0, Math.min(durations.length - 1, Math.ceil(share * durations.length) - 1))];
  return { count: durations.length, seconds, p50_ms: at(0.5), p99_ms: at(0.99), findings };
}

const results = {};
for (const [name, load] of Object.entries(PEERS)) {
  try {
    results[name] = await time(await load());
  } catch (error) {
    results[name] = { error: String(error?.stack ?? error).slice(0, 300) };
  }
}
process.stdout.write(JSON.stringify(results));
