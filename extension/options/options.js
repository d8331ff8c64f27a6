// Options page: service address and token; lists of rules turned off and paused sites, each undoable.
import { DEFAULT_SERVICE_URL } from "../shared/defaults.js";
import { isLoopbackUrl, loadSettings, removeFromList, saveSettings } from "../shared/settings.js";

const form = document.getElementById("form");
const url = document.getElementById("service-url");
const token = document.getElementById("token");
const saved = document.getElementById("saved");
url.placeholder = DEFAULT_SERVICE_URL;

function renderList(id, key, values) {
  const items = values.map((value) => {
    const item = document.createElement("li");
    const undo = document.createElement("button");
    undo.type = "button";
    undo.textContent = "Restore";
    undo.addEventListener("click", () => removeFromList(key, value));
    item.append(`${value} `, undo);
    return item;
  });
  document.getElementById(id).replaceChildren(...items);
}

async function render() {
  const settings = await loadSettings();
  url.value = settings.serviceUrl;
  token.value = settings.token;
  renderList("disabled-rules", "disabledRules", settings.disabledRules);
  renderList("paused-sites", "pausedSites", settings.pausedSites);
}

url.addEventListener("input", () => url.setCustomValidity(isLoopbackUrl(url.value) ? "" : "Use http://127.0.0.1:PORT or http://localhost:PORT"));

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  await saveSettings({ serviceUrl: url.value.trim(), token: token.value.trim() });
  saved.textContent = "Saved";
});

chrome.storage.onChanged.addListener(render);
render();
