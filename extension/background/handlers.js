// What the background does for each message type (shapes and senders are checked in messages.js).
// Content-script handlers get the sender's site (its tab's top host), never one the message names.
import { addToList, loadSettings, removeFromList, setForSite } from "../shared/settings.js";
import { disabledRulesOn, isActive, platformOf, prePublishOn } from "../shared/site-settings.js";
import { shortcuts } from "./commands.js";
import { health, lint, rules } from "./service-client.js";
import { setFrameCount } from "./tab-counts.js";

async function changeRule({ rule, scope }, site, on) {
  if (scope === "everywhere") return (on ? removeFromList : addToList)("disabledRules", rule);
  const { siteRules } = await loadSettings();
  const current = siteRules[site] ?? [];
  const next = on ? current.filter((id) => id !== rule) : [...new Set([...current, rule])];
  return setForSite("siteRules", site, next.length ? next : undefined);
}

export const handlers = {
  lint: async ({ text, edited }, { site }) => {
    const settings = await loadSettings();
    if (!isActive(settings, site)) return { ok: false, error: { code: "paused", message: "Rapport is off on this site" } };
    return lint(text, platformOf(settings, site), disabledRulesOn(settings, site), edited);
  },
  prefs: async (_, { site }) => {
    const settings = await loadSettings();
    return { site, active: isActive(settings, site), prePublish: prePublishOn(settings, site), shortcuts: await shortcuts() };
  },
  count: ({ count }, { tabId, frameId }) => setFrameCount(tabId, frameId, count),
  "disable-rule": (message, { site }) => changeRule(message, site, false),
  "enable-rule": (message, { site }) => changeRule(message, site, true),
  pause: (_, { site }) => addToList("pausedSites", site),
  resume: (_, { site }) => removeFromList("pausedSites", site),
  health: () => health(),
  rules: () => rules(),
};
