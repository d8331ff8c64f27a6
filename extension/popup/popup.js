// Toolbar popup: service state, the active tab's finding count, and pausing or listing the active site.
import { requestAccess } from "../shared/permission.js";
import { addToList, loadSettings, removeFromList } from "../shared/settings.js";
import { showStatus } from "../shared/status.js";

const status = document.getElementById("status");

async function showService() {
  const health = await showStatus(status);
  const grant = document.getElementById("grant");
  grant.hidden = health.state !== "needs-permission";
  grant.onclick = async () => {
    if (await requestAccess((await loadSettings()).serviceUrl)) showService();
  };
}

function toggle(id, key, host, list, locked) {
  const box = document.getElementById(id);
  box.checked = list.includes(host);
  box.disabled = locked.includes(key);
  box.addEventListener("change", () => (box.checked ? addToList : removeFromList)(key, host));
}

async function showTab() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab) return;
  const count = await chrome.action.getBadgeText({ tabId: tab.id });
  document.getElementById("count").textContent = count ? `${count} hint(s) in this tab's composers` : "No hints in this tab.";
  const host = tab.url ? new URL(tab.url).hostname : "";
  document.getElementById("paused").disabled = !host; // without the activeTab grant the site is unknown
  if (!host) return;
  for (const element of document.querySelectorAll(".site")) element.textContent = host;
  const settings = await loadSettings();
  toggle("paused", "pausedSites", host, settings.pausedSites, settings.locked);
  document.getElementById("listed-row").hidden = settings.siteMode !== "listed";
  toggle("listed", "listedSites", host, settings.listedSites, settings.locked);
}

document.getElementById("options").addEventListener("click", (event) => {
  event.preventDefault();
  chrome.runtime.openOptionsPage();
});

showService();
showTab();
