{
  // Badges, cards and mirrors live in one shadow root per document, so page CSS cannot restyle them
  // and ours cannot leak. It is open only so that tests (and curious users) can inspect it.
  const STYLE = `
    :host { all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647; }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    .mirror { position: fixed; overflow: hidden; color: transparent; pointer-events: none; margin: 0; border: 0; }
    .mirror mark { color: transparent; background: none; text-decoration-line: underline; text-decoration-skip-ink: none; text-decoration-thickness: 2px; }
    .mirror .sev-error { text-decoration-style: wavy; text-decoration-color: #d93025; background: rgb(217 48 37 / 0.10); }
    .mirror .sev-warning { text-decoration-style: wavy; text-decoration-color: #e37400; background: rgb(227 116 0 / 0.10); }
    .mirror .sev-info { text-decoration-style: dotted; text-decoration-color: #1a73e8; }
    .badge { position: fixed; font: 600 12px/1 system-ui, sans-serif; padding: 4px 8px; border-radius: 10px; border: 0;
      cursor: pointer; color: #fff; background: #5f6368; box-shadow: 0 1px 3px rgb(0 0 0 / 0.3); }
    .badge[data-state="clean"] { background: #188038; }
    .badge[data-state="count"][data-severity="error"] { background: #d93025; }
    .badge[data-state="count"][data-severity="warning"] { background: #e37400; }
    .badge[data-state="count"][data-severity="info"] { background: #1a73e8; }
    .badge[data-state="offline"] { background: #e8eaed; color: #5f6368; font-weight: 400; }
    .card { position: fixed; width: 320px; max-height: 60vh; overflow: auto; padding: 8px; background: #fff; color: #202124;
      font: 13px/1.4 system-ui, sans-serif; border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); }
    .finding { padding: 6px 4px; border-top: 1px solid #eee; }
    .finding:first-child { border-top: 0; }
    .finding .message { margin: 0 0 6px; padding-left: 8px; border-left: 3px solid #1a73e8; }
    .finding[data-severity="error"] .message { border-left-color: #d93025; }
    .finding[data-severity="warning"] .message { border-left-color: #e37400; }
    .suggestions, .actions { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
    button { font: inherit; cursor: pointer; border-radius: 4px; padding: 2px 8px; }
    .suggestion { border: 1px solid #1a73e8; background: #e8f0fe; color: #174ea6; }
    .hint { color: #5f6368; font-style: italic; }
    .actions button, .footer button { border: 0; background: none; color: #5f6368; text-decoration: underline; padding: 2px 4px; }
    .footer { border-top: 1px solid #eee; margin-top: 4px; padding-top: 4px; text-align: right; }
  `;

  let ui = null;

  Rapport.uiRoot = () => {
    if (ui?.host.isConnected) return ui;
    const host = document.createElement("rapport-ui");
    const shadow = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = STYLE;
    const layer = document.createElement("div");
    shadow.append(style, layer);
    document.documentElement.append(host);
    ui = { host, shadow, layer };
    return ui;
  };
}
