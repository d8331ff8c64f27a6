{
  // This frame's view of the stored preferences; the background owns storage, we ask it and listen for changes.
  const host = location.hostname;
  const listeners = [];

  async function refresh() {
    const { paused } = await chrome.runtime.sendMessage({ type: "prefs", host });
    for (const listener of listeners) listener({ paused });
  }

  Rapport.prefs = {
    load: refresh,
    disableRule: (finding) => chrome.runtime.sendMessage({ type: "disable-rule", rule: finding.rule }),
    pauseSite: () => chrome.runtime.sendMessage({ type: "pause", host }),
    onChange: (listener) => listeners.push(listener),
  };

  chrome.storage.onChanged.addListener(() => refresh().catch(() => {}));
}
