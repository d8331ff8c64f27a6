// The extension's stored settings: one schema, read by the background, the popup and the options page.
// A managed value is the default; an option named in the policy's lockedOptions cannot be changed.
import { DEFAULT_SERVICE_URL } from "./defaults.js";
import { loadManaged } from "./managed.js";

export const DEFAULTS = {
  serviceUrl: DEFAULT_SERVICE_URL,
  token: "",
  disabledRules: [], // rule ids off everywhere
  pausedSites: [], // hosts where nothing is linted or sent
  siteMode: "all", // "all" sites, or only the "listed" ones
  listedSites: [],
  siteRules: {}, // host -> rule ids off on that site only
  sitePlatforms: {}, // host -> platform id, instead of the one guessed from the host
  prePublish: "warn", // "off" | "warn" | "review": what pressing Post with errors left does
  sitePrePublish: {}, // host -> one of those, instead of prePublish
};

export async function loadSettings() {
  const [local, managed] = await Promise.all([chrome.storage.local.get(null), loadManaged()]);
  const locked = (managed.lockedOptions ?? []).filter((key) => key in DEFAULTS);
  const settings = { locked };
  for (const [key, fallback] of Object.entries(DEFAULTS)) {
    const mine = locked.includes(key) ? undefined : local[key];
    settings[key] = mine ?? managed[key] ?? fallback;
  }
  return settings;
}

// Changes to locked options are dropped, so no page of ours can override the policy.
export async function saveSettings(changes) {
  const { locked } = await loadSettings();
  const allowed = Object.fromEntries(Object.entries(changes).filter(([key]) => !locked.includes(key)));
  await chrome.storage.local.set(allowed);
}

export async function addToList(key, value) {
  const { [key]: list } = await loadSettings();
  if (!list.includes(value)) await saveSettings({ [key]: [...list, value] });
}

export async function removeFromList(key, value) {
  const { [key]: list } = await loadSettings();
  await saveSettings({ [key]: list.filter((item) => item !== value) });
}

// Per-site maps: settings[key][host] set to `value`, or removed when `value` is undefined.
export async function setForSite(key, host, value) {
  const { [key]: map } = await loadSettings();
  const next = { ...map };
  if (value === undefined) delete next[host];
  else next[host] = value;
  await saveSettings({ [key]: next });
}
