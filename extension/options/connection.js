// The service address and token: checked as typed, the team server's origin asked for on Save, and a
// connection test that says what is wrong.
import { DEFAULT_SERVICE_URL } from "../shared/defaults.js";
import { requestAccess } from "../shared/permission.js";
import { serviceUrlProblem } from "../shared/service-url.js";
import { saveSettings } from "../shared/settings.js";
import { showStatus } from "../shared/status.js";

const form = document.getElementById("connection");
const url = document.getElementById("service-url");
const token = document.getElementById("token");
const saved = document.getElementById("saved");
const status = document.getElementById("connection-status");
url.placeholder = DEFAULT_SERVICE_URL;

url.addEventListener("input", () => url.setCustomValidity(serviceUrlProblem(url.value.trim()) ?? ""));

async function test() {
  status.hidden = false;
  status.textContent = "Testing…";
  await showStatus(status);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const address = url.value.trim();
  saved.textContent = "Waiting for your permission to reach this server…";
  const granted = await requestAccess(address); // the browser's prompt needs this click, before any other wait
  if (!granted) {
    saved.textContent = "Not saved: Rapport may only use a team server you allow it to reach.";
    return;
  }
  await saveSettings({ serviceUrl: address, token: token.value.trim() });
  saved.textContent = "Saved";
  await test();
});

document.getElementById("test").addEventListener("click", test);

export function renderConnection(settings) {
  url.value = settings.serviceUrl;
  token.value = settings.token;
  url.disabled = settings.locked.includes("serviceUrl");
  token.disabled = settings.locked.includes("token");
}
