// Background entry (service worker in Chromium, event page in Firefox): routes content-script messages.
import { handlers } from "./handlers.js";
import { resetBackoff } from "./service-client.js";
import { forgetTab } from "./tab-counts.js";

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
