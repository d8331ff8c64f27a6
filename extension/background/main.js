// Background entry (service worker in Chromium, event page in Firefox): checks and routes messages.
import { loadManaged } from "../shared/managed.js";
import { forwardCommands } from "./commands.js";
import { handlers } from "./handlers.js";
import { problemWith, senderKind } from "./messages.js";
import { TabRateLimit } from "./rate-limit.js";
import { resetBackoff } from "./service-client.js";
import { forgetTabSite, siteOf } from "./sites.js";
import { forgetTabCounts } from "./tab-counts.js";

// Typing lints at most about 3 times a second per composer; this leaves room for several composers.
const lintLimit = new TabRateLimit(10, 20);

const refusal = (code, message) => ({ ok: false, error: { code, message } });

async function handle(message, sender) {
  const problem = problemWith(message, sender);
  if (problem) return refusal("bad_message", problem);
  if (senderKind(sender) === "extension") return handlers[message.type](message, {});
  const tabId = sender.tab.id;
  if (message.type === "lint" && !lintLimit.take(tabId)) return { ...refusal("rate_limited", "too many drafts from this tab"), retryInMs: 1000 };
  return handlers[message.type](message, { tabId, frameId: sender.frameId, site: await siteOf(sender) });
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  handle(message, sender).then(
    (reply) => sendResponse(reply ?? { ok: true }),
    (error) => sendResponse(refusal("extension", String(error))),
  );
  return true; // reply asynchronously
});

// A new address or token deserves an immediate try rather than the rest of the old backoff.
chrome.storage.onChanged.addListener((changes) => {
  if (changes.serviceUrl || changes.token) resetBackoff();
});

chrome.tabs.onRemoved.addListener((tabId) => {
  forgetTabCounts(tabId);
  forgetTabSite(tabId);
  lintLimit.forget(tabId);
});

forwardCommands();
loadManaged(); // start the slow first read of the policy now, not on the first message
