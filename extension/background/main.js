// Background entry (service worker in Chromium, event page in Firefox): routes content-script messages.
import { addToList, loadSettings } from "../shared/settings.js";
import { health, lint, resetBackoff } from "./service-client.js";
import { forgetTab, setFrameCount } from "./tab-counts.js";

const handlers = {
  lint: ({ text, platform }) => lint(text, platform),
  health: () => health(),
  prefs: async ({ host }) => {
    const { pausedSites } = await loadSettings();
    return { paused: pausedSites.includes(host) };
  },
  "disable-rule": ({ rule }) => addToList("disabledRules", rule),
  pause: ({ host }) => addToList("pausedSites", host),
  count: ({ count }, sender) => setFrameCount(sender.tab.id, sender.frameId, count),
};

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = handlers[message?.type];
  if (!handler) return false;
  Promise.resolve(handler(message, sender)).then(
    (reply) => sendResponse(reply ?? { ok: true }),
    (error) => sendResponse({ ok: false, error: { code: "extension", message: String(error) } }),
  );
  return true; // reply asynchronously
});

// A new address or token deserves an immediate try rather than the rest of the old backoff.
chrome.storage.onChanged.addListener((changes) => {
  if (changes.serviceUrl || changes.token) resetBackoff();
});

chrome.tabs.onRemoved.addListener(forgetTab);
