{
  // Matches keydown events against the extension's commands as the browser has them bound
  // ("Alt+Shift+J"; people can rebind them), for browsers that leave those keys to the page.
  const CODES = { Comma: "Comma", Period: "Period", Space: "Space", Home: "Home", End: "End", PageUp: "PageUp",
    PageDown: "PageDown", Insert: "Insert", Delete: "Delete", Up: "ArrowUp", Down: "ArrowDown", Left: "ArrowLeft", Right: "ArrowRight" };
  const codeOf = (key) => CODES[key] ?? (/^[A-Z]$/.test(key) ? `Key${key}` : /^\d$/.test(key) ? `Digit${key}` : key);

  // macOS reports shortcuts in symbols ("⌥⇧J").
  const MAC = { "⌘": "Command+", "⌥": "Alt+", "⇧": "Shift+", "⌃": "MacCtrl+" };
  const parse = (shortcut) => {
    const parts = shortcut.replace(/[⌘⌥⇧⌃]/g, (symbol) => MAC[symbol]).split("+");
    const has = (...names) => names.some((name) => parts.includes(name));
    return { code: codeOf(parts.at(-1)), alt: has("Alt"), shift: has("Shift"), ctrl: has("Ctrl", "MacCtrl"), meta: has("Command") };
  };

  // The command name `event` presses, or null.
  Rapport.commandFor = (event, shortcuts) => {
    for (const [name, shortcut] of Object.entries(shortcuts)) {
      const keys = parse(shortcut);
      if (event.code === keys.code && event.altKey === keys.alt && event.shiftKey === keys.shift
        && event.ctrlKey === keys.ctrl && event.metaKey === keys.meta) return name;
    }
    return null;
  };
}
