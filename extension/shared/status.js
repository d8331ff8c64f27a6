// The service state as the popup and the options page show it (from the background's "health" reply).
const code = (text) => Object.assign(document.createElement("code"), { textContent: text });

const STATUS = {
  connected: ({ version }) => [`Connected${version ? ` (rules ${version})` : ""}`],
  unreachable: () => ["Service unreachable. Is ", code("rapport serve"), " running?"],
  "rules-error": ({ message }) => [`Rules error: ${message}`],
  refused: ({ message }) => [`The service refused us: ${message}`],
  "needs-permission": ({ url }) => [`Rapport needs your permission to reach ${url}.`],
};

export async function showStatus(element) {
  const health = await chrome.runtime.sendMessage({ type: "health" });
  element.dataset.state = health.state;
  element.replaceChildren(...STATUS[health.state](health));
  return health;
}
