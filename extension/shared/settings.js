// The extension's stored settings: one schema, read by the background, the popup and the options page.
import { DEFAULT_SERVICE_URL, LOOPBACK_HOSTS } from "./defaults.js";

const DEFAULTS = {
  serviceUrl: DEFAULT_SERVICE_URL,
  token: "",
  disabledRules: [],
  pausedSites: [],
};

export const loadSettings = () => chrome.storage.local.get(DEFAULTS);

export const saveSettings = (changes) => chrome.storage.local.set(changes);

export async function addToList(key, value) {
  const { [key]: list } = await chrome.storage.local.get({ [key]: [] });
  if (!list.includes(value)) await saveSettings({ [key]: [...list, value] });
}

export async function removeFromList(key, value) {
  const { [key]: list } = await chrome.storage.local.get({ [key]: [] });
  await saveSettings({ [key]: list.filter((item) => item !== value) });
}

// The service only listens on loopback and host_permissions only cover those hosts.
export function isLoopbackUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" && LOOPBACK_HOSTS.includes(url.hostname);
  } catch {
    return false;
  }
}
