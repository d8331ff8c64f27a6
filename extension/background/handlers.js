// What the background does for each message type that content scripts and the popup send.
import { addToList, loadSettings } from "../shared/settings.js";
import { health, lint } from "./service-client.js";
import { setFrameCount } from "./tab-counts.js";

export const handlers = {
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
