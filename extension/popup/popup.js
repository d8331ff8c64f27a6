// Toolbar popup: service state, the active tab's finding count, and pausing the active site.
import { addToList, loadSettings, removeFromList } from "../shared/settings.js";

const STATUS = {
  connected: ({ version }) => `Connected${version ? ` (rules ${version})` : ""}`,
  unreachable: () => "Service unreachable. Is `rapport serve` running?",
  "rules-error": ({ message }) => `Rules error: ${message}`,
};

async function showStatus() {
  const element = document.getElementById("status");
  const health = await chrome.runtime.sendMessage({ type: "health" });
  element.dataset.state = health.state;
  element.textContent = STATUS[health.state](health);
}

async function showTab() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab) return;
  const count = await chrome.action.getBadgeText({ tabId: tab.id });
  document.getElementById("count").textContent = count ? `${count} hint(s) in this tab's composers` : "No hints in this tab.";
  const host = tab.url ? new URL(tab.url).hostname : "";
  const paused = document.getElementById("paused");
  paused.disabled = !host; // without the activeTab grant the site is unknown
  if (!host) return;
  document.getElementById("site").textContent = host;
  paused.checked = (await loadSettings()).pausedSites.includes(host);
  paused.addEventListener("change", () => (paused.checked ? addToList : removeFromList)("pausedSites", host));
}

document.getElementById("options").addEventListener("click", (event) => {
  event.preventDefault();
  chrome.runtime.openOptionsPage();
});

showStatus();
showTab();
