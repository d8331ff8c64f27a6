// Prints, as JSON, the facts the extension shares with the service, read from the extension's own
// modules (run by tests/test_shared_facts.py: node --experimental-detect-module this.mjs ROOT).
import { pathToFileURL } from "node:url";

const root = process.argv[2];
const load = (file) => import(pathToFileURL(`${root}/extension/${file}`));
globalThis.Rapport = {}; // what content/namespace.js sets up for the content scripts
await load("content/platform.js");
const { DEFAULT_SERVICE_URL, LOOPBACK_HOSTS } = await load("shared/defaults.js");
const { handlers } = await load("background/handlers.js");

console.log(JSON.stringify({
  sitePlatforms: Rapport.SITE_PLATFORMS,
  otherSites: Rapport.platformFor("example.org"),
  serviceUrl: DEFAULT_SERVICE_URL,
  loopbackHosts: LOOPBACK_HOSTS,
  handledMessages: Object.keys(handlers),
}));
