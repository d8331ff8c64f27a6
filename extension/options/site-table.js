// One row per site that has a setting of its own: checked (list mode), paused, platform, pre-publish
// mode, and the rules turned off there.
import { PLATFORMS, platformFor } from "../shared/platforms.js";
import { addToList, removeFromList, setForSite } from "../shared/settings.js";

export const PRE_PUBLISH = { off: "Off", warn: "Warn (default)", review: "Require a review" };

const cell = (...children) => {
  const td = document.createElement("td");
  td.append(...children);
  return td;
};

export function select(options, value, onChange, label) {
  const element = document.createElement("select");
  element.setAttribute("aria-label", label);
  for (const [key, text] of Object.entries(options)) element.append(new Option(text, key, false, key === value));
  element.addEventListener("change", () => onChange(element.value));
  return element;
}

function checkbox(checked, onChange, label, disabled) {
  const element = Object.assign(document.createElement("input"), { type: "checkbox", checked, disabled });
  element.setAttribute("aria-label", label);
  element.addEventListener("change", () => onChange(element.checked));
  return element;
}

export function ruleItem(rule, describe, onRestore) {
  const item = document.createElement("li");
  const restore = Object.assign(document.createElement("button"), { type: "button", textContent: "Restore" });
  restore.addEventListener("click", onRestore);
  item.append(describe(rule), " ", restore);
  return item;
}

export function sitesOf(settings) {
  const { pausedSites, listedSites, siteRules, sitePlatforms, sitePrePublish } = settings;
  return [...new Set([...pausedSites, ...listedSites, ...Object.keys(siteRules), ...Object.keys(sitePlatforms), ...Object.keys(sitePrePublish)])].sort();
}

export function siteRow(host, settings, describe) {
  const locked = (key) => settings.locked.includes(key);
  const platforms = Object.fromEntries(PLATFORMS.map((id) => [id, id === platformFor(host) ? `${id} (guessed)` : id]));
  const rules = document.createElement("ul");
  for (const rule of settings.siteRules[host] ?? []) {
    rules.append(ruleItem(rule, describe, () => setForSite("siteRules", host, (settings.siteRules[host] ?? []).filter((id) => id !== rule))));
  }
  const row = document.createElement("tr");
  row.dataset.site = host;
  row.append(
    cell(host),
    cell(checkbox(settings.listedSites.includes(host), (on) => (on ? addToList : removeFromList)("listedSites", host), `Check ${host}`, locked("listedSites"))),
    cell(checkbox(settings.pausedSites.includes(host), (on) => (on ? addToList : removeFromList)("pausedSites", host), `Pause ${host}`, locked("pausedSites"))),
    cell(select(platforms, settings.sitePlatforms[host] ?? platformFor(host),
      (id) => setForSite("sitePlatforms", host, id === platformFor(host) ? undefined : id), `Platform on ${host}`)),
    cell(select({ "": "As everywhere", ...PRE_PUBLISH }, settings.sitePrePublish[host] ?? "",
      (mode) => setForSite("sitePrePublish", host, mode || undefined), `Pre-publish check on ${host}`)),
    cell(rules),
  );
  return row;
}
