// What the settings mean for one site (the host of the tab's top page).
import { platformFor } from "./platforms.js";

export function isActive(settings, host) {
  if (settings.pausedSites.includes(host)) return false;
  return settings.siteMode !== "listed" || settings.listedSites.includes(host);
}

export const platformOf = (settings, host) => settings.sitePlatforms[host] ?? platformFor(host);

export const disabledRulesOn = (settings, host) => [...new Set([...settings.disabledRules, ...(settings.siteRules[host] ?? [])])];

export const prePublishOn = (settings, host) => settings.sitePrePublish[host] ?? settings.prePublish;
