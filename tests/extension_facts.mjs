// Prints, as JSON, the facts the extension shares with the service, read from the extension's own
// modules (run by tests/test_shared_facts.py: node --experimental-detect-module this.mjs ROOT).
import { pathToFileURL } from "node:url";

const root = process.argv[2];
const load = (file) => import(pathToFileURL(`${root}/extension/${file}`));
// What the background modules touch of the extension API when they load.
globalThis.chrome = { runtime: { getURL: (path) => `chrome-extension://facts${path}` }, storage: { onChanged: { addListener() {} } } };
const { SITE_PLATFORMS, PLATFORMS, platformFor } = await load("shared/platforms.js");
const { DEFAULT_SERVICE_URL, HINT_FIELDS, LOOPBACK_HOSTS, MAX_DRAFT_BYTES, RULE_ID } = await load("shared/defaults.js");
const { handlers } = await load("background/handlers.js");
const { SHAPES } = await load("background/messages.js");
const { DEFAULTS } = await load("shared/settings.js");

console.log(JSON.stringify({
  sitePlatforms: SITE_PLATFORMS,
  platforms: PLATFORMS,
  otherSites: platformFor("example.org"),
  serviceUrl: DEFAULT_SERVICE_URL,
  loopbackHosts: LOOPBACK_HOSTS,
  maxDraftBytes: MAX_DRAFT_BYTES,
  ruleIdPattern: RULE_ID.source,
  hintFields: HINT_FIELDS,
  handledMessages: Object.keys(handlers),
  checkedMessages: Object.keys(SHAPES),
  settings: Object.keys(DEFAULTS),
}));
