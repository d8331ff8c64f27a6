{
  // This frame's view of the stored preferences; the background owns storage, we ask it and listen for changes.
  const host = location.hostname;
  const listeners = [];
  let state = { paused: false, ignored: new Set() };

  const ignoreKey = (finding) => `${finding.rule}\u0000${finding.matched}`;

  async function refresh() {
    const reply = await chrome.runtime.sendMessage({ type: "prefs", host });
    state = { paused: reply.paused, ignored: new Set(reply.ignored) };
    for (const listener of listeners) listener(state);
  }

  Rapport.prefs = {
    load: refresh,
    get paused() {
      return state.paused;
    },
    isIgnored: (finding) => state.ignored.has(ignoreKey(finding)),
    ignore: (finding) => chrome.runtime.sendMessage({ type: "ignore", key: ignoreKey(finding) }),
    disableRule: (finding) => chrome.runtime.sendMessage({ type: "disable-rule", rule: finding.rule }),
    pauseSite: () => chrome.runtime.sendMessage({ type: "pause", host }),
    onChange: (listener) => listeners.push(listener),
  };

  chrome.storage.onChanged.addListener(() => refresh().catch(() => {}));
}
