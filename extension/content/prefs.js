{
  // This frame's view of the stored preferences; the background owns storage, we ask it and listen for changes.
  const host = location.hostname;
  const listeners = [];
  let state = { paused: false };

  async function refresh() {
    const reply = await chrome.runtime.sendMessage({ type: "prefs", host });
    state = { paused: reply.paused };
    for (const listener of listeners) listener(state);
  }

  Rapport.prefs = {
    load: refresh,
    get paused() {
      return state.paused;
    },
    disableRule: (finding) => chrome.runtime.sendMessage({ type: "disable-rule", rule: finding.rule }),
    pauseSite: () => chrome.runtime.sendMessage({ type: "pause", host }),
    onChange: (listener) => listeners.push(listener),
  };

  chrome.storage.onChanged.addListener(() => refresh().catch(() => {}));
}
