{
  // This frame's view of the settings for its site; the background owns storage and decides the site,
  // we ask it and listen for changes. Nothing here writes storage.
  const listeners = [];
  let current = { active: false, prePublish: "off", shortcuts: {}, site: "" };

  async function refresh() {
    current = await chrome.runtime.sendMessage({ type: "prefs" });
    for (const listener of listeners) listener(current);
  }

  // One at a time: each message reads and writes the stored list.
  async function eachRule(hint, send) {
    for (const rule of hint.rules) await send(rule);
  }

  Rapport.prefs = {
    load: refresh,
    get current() {
      return current;
    },
    // A hint merges several rules on the same words: turning it off turns them all off.
    disableRule: (hint, scope) => eachRule(hint, (rule) => chrome.runtime.sendMessage({ type: "disable-rule", rule, scope })),
    enableRule: (hint, scope) => eachRule(hint, (rule) => chrome.runtime.sendMessage({ type: "enable-rule", rule, scope })),
    pauseSite: () => chrome.runtime.sendMessage({ type: "pause" }),
    resumeSite: () => chrome.runtime.sendMessage({ type: "resume" }),
    onChange: (listener) => listeners.push(listener),
  };

  chrome.storage.onChanged.addListener(() => refresh().catch(() => {}));
}
