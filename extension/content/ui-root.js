{
  // Badges, cards and mirrors live in one shadow root per document, so page CSS cannot restyle them
  // and ours cannot leak. It is open only so that tests (and curious users) can inspect it.
  const perSeverity = (rule) => Rapport.SEVERITIES.map((severity) => rule(severity, Rapport.severityColour(severity))).join("\n");
  const STYLE = `
    :host { all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647; }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    .mirror { position: fixed; overflow: hidden; color: transparent; pointer-events: none; margin: 0; border: 0; }
    .mirror mark { color: transparent; background: none; }
    ${perSeverity((severity) => `.mirror .sev-${severity} { ${Rapport.underlineStyle(severity)} text-decoration-thickness: 2px; }`)}
    .badge { position: fixed; font: 600 12px/1 system-ui, sans-serif; padding: 4px 8px; border-radius: 10px; border: 0;
      cursor: pointer; color: #fff; background: #5f6368; box-shadow: 0 1px 3px rgb(0 0 0 / 0.3); }
    .badge[data-state="clean"] { background: #188038; }
    ${perSeverity((severity, colour) => `.badge[data-state="count"][data-severity="${severity}"] { background: ${colour}; }`)}
    .badge[data-state="offline"] { background: #e8eaed; color: #5f6368; font-weight: 400; }
    .card { position: fixed; width: 320px; max-height: 60vh; overflow: auto; padding: 8px; background: #fff; color: #202124;
      font: 13px/1.4 system-ui, sans-serif; border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); }
    .finding { padding: 6px 4px; border-top: 1px solid #eee; }
    .finding:first-child { border-top: 0; }
    .finding .message { margin: 0 0 6px; padding-left: 8px; border-left: 3px solid ${Rapport.severityColour("info")}; }
    ${perSeverity((severity, colour) => `.finding[data-severity="${severity}"] .message { border-left-color: ${colour}; }`)}
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
