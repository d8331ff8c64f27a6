// The shape of every message the background accepts, and who may send it. Anything else is refused
// before a handler runs: content scripts act for web pages, so what they send is checked like input.
import { MAX_DRAFT_BYTES, RULE_ID } from "../shared/defaults.js";

const utf8 = new TextEncoder();
const isDraft = (value) => typeof value === "string" && value.length <= MAX_DRAFT_BYTES && utf8.encode(value).length <= MAX_DRAFT_BYTES;
const isRule = (value) => typeof value === "string" && value.length <= 100 && RULE_ID.test(value);
const isScope = (value) => value === "site" || value === "everywhere";
const isBoolean = (value) => typeof value === "boolean";
const isCount = (value) => Number.isInteger(value) && value >= 0 && value <= 10000;

// from: "content" (a content script in a tab) or "extension" (the popup or the options page).
export const SHAPES = {
  lint: { from: "content", fields: { text: isDraft, edited: isBoolean } },
  prefs: { from: "content", fields: {} },
  count: { from: "content", fields: { count: isCount } },
  "disable-rule": { from: "content", fields: { rule: isRule, scope: isScope } },
  "enable-rule": { from: "content", fields: { rule: isRule, scope: isScope } },
  pause: { from: "content", fields: {} },
  resume: { from: "content", fields: {} },
  health: { from: "extension", fields: {} },
  rules: { from: "extension", fields: {} },
};

const EXTENSION_ORIGIN = new URL(chrome.runtime.getURL("/")).origin;

export function senderKind(sender) {
  if (sender.id !== chrome.runtime.id) return null;
  const origin = sender.url ? new URL(sender.url).origin : null;
  if (origin === EXTENSION_ORIGIN) return "extension";
  return sender.tab && Number.isInteger(sender.tab.id) && Number.isInteger(sender.frameId) ? "content" : null;
}

// null if `message` may be handled for `sender`, else what is wrong with it.
export function problemWith(message, sender) {
  const shape = message && typeof message === "object" ? SHAPES[message.type] : undefined;
  if (!shape) return "unknown message";
  if (senderKind(sender) !== shape.from) return `${message.type} is not accepted from this sender`;
  const keys = Object.keys(message).filter((key) => key !== "type");
  const fields = Object.entries(shape.fields);
  if (keys.length !== fields.length || !fields.every(([key, valid]) => valid(message[key]))) {
    return `malformed ${message.type} message`;
  }
  return null;
}
