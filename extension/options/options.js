// Options page: the service connection, which sites are checked, the pre-publish check, rules turned off
// everywhere and per site. Locked (managed) options are shown but cannot be changed.
import { addToList, loadSettings, removeFromList, saveSettings } from "../shared/settings.js";
import { renderConnection } from "./connection.js";
import { PRE_PUBLISH, ruleItem, select, siteRow, sitesOf } from "./site-table.js";

let ruleWording = new Map(); // rule id -> { category, message }, from the service when it answers

// "share to win: Paying people to share…" rather than a bare id.
function describe(rule) {
  const span = document.createElement("span");
  const known = ruleWording.get(rule);
  const name = document.createElement("strong");
  name.textContent = rule.replaceAll("-", " ");
  span.append(name);
  if (known) span.append(` (${known.category}): ${known.message}`);
  span.title = rule;
  return span;
}

async function loadRuleWording() {
  const reply = await chrome.runtime.sendMessage({ type: "rules" });
  if (reply.ok) ruleWording = new Map(reply.rules.map((rule) => [rule.id, rule]));
}

async function render() {
  const settings = await loadSettings();
  document.getElementById("managed-note").hidden = !settings.locked.length;
  renderConnection(settings);
  for (const radio of document.querySelectorAll('input[name="site-mode"]')) {
    radio.checked = radio.value === settings.siteMode;
    radio.disabled = settings.locked.includes("siteMode");
  }
  const prePublish = select(PRE_PUBLISH, settings.prePublish, (mode) => saveSettings({ prePublish: mode }), "Pre-publish check");
  prePublish.id = "pre-publish";
  prePublish.disabled = settings.locked.includes("prePublish");
  document.getElementById("pre-publish").replaceWith(prePublish);
  document.getElementById("disabled-rules").replaceChildren(
    ...settings.disabledRules.map((rule) => ruleItem(rule, describe, () => removeFromList("disabledRules", rule))));
  document.getElementById("sites").replaceChildren(...sitesOf(settings).map((host) => siteRow(host, settings, describe)));
}

document.getElementById("site-mode").addEventListener("change", (event) => saveSettings({ siteMode: event.target.value }));
document.getElementById("add-site").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = document.getElementById("new-site");
  await addToList("listedSites", input.value.trim().toLowerCase()); // a row of its own, marked as checked
  input.value = "";
});

chrome.storage.onChanged.addListener(render);
loadRuleWording().finally(render);
