{
  const vars = (theme) => {
    const colours = Rapport.PALETTE[theme];
    const light = theme === "light";
    return `
      --error: ${colours.error}; --warning: ${colours.warning}; --info: ${colours.info};
      --clean: ${colours.clean}; --muted: ${colours.muted};
      --surface: ${light ? "#ffffff" : "#292a2d"}; --text: ${light ? "#202124" : "#e8eaed"};
      --rule: ${light ? "#dadce0" : "#5f6368"}; --accent-bg: ${light ? "#e8f0fe" : "#394457"};
      --accent-text: ${light ? "#174ea6" : "#d2e3fc"}; --on-colour: ${light ? "#ffffff" : "#202124"};
      --focus: ${light ? "#174ea6" : "#8ab4f8"};`;
  };
  const perSeverity = (rule) => Rapport.SEVERITIES.map((severity) => rule(severity)).join("\n");

  // The one stylesheet of every shadow root we own (overlays, the card, notices).
  Rapport.UI_STYLE = `
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    .root { all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; ${vars("light")} }
    .root[data-theme="dark"] { ${vars("dark")} }
    .lines { position: fixed; overflow: hidden; pointer-events: none; }
    .line { position: absolute; border-bottom: 2px solid var(--info); pointer-events: none; }
    ${perSeverity((s) => `.line[data-severity="${s}"] { border-bottom: 2px ${Rapport.lineStyle(s)} var(--${s}); }`)}
    .line[data-severity="error"] { background: color-mix(in srgb, var(--error) 12%, transparent); }
    .mirror { position: fixed; overflow: hidden; visibility: hidden; margin: 0; border: 0; pointer-events: none; }
    .badge { position: fixed; pointer-events: auto; font: 600 12px/1 system-ui, sans-serif; padding: 4px 8px;
      border-radius: 10px; border: 0; cursor: pointer; color: var(--on-colour); background: var(--muted);
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.3); }
    .badge[data-state="clean"] { background: var(--clean); }
    .badge[data-state="unchecked"] { background: var(--muted); font-weight: 400; }
    ${perSeverity((s) => `.badge[data-state="count"][data-severity="${s}"] { background: var(--${s}); }`)}
    .badge[data-state="offline"] { background: var(--surface); color: var(--muted); font-weight: 400; border: 1px solid var(--rule); }
    .live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    .panel { position: fixed; pointer-events: auto; width: 320px; overflow: auto; padding: 8px; background: var(--surface);
      color: var(--text); font: 13px/1.4 system-ui, sans-serif; border-radius: 8px; border: 1px solid var(--rule);
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.35); }
    .title { margin: 0 0 2px; padding: 0 4px; font-size: 11px; font-weight: 600; color: var(--muted); }
    .finding { padding: 6px 4px; border-top: 1px solid var(--rule); }
    .finding:first-child { border-top: 0; }
    .finding .message { margin: 0 0 6px; padding-left: 8px; border-left: 3px solid var(--info); }
    ${perSeverity((s) => `.finding[data-severity="${s}"] .message { border-left-color: var(--${s}); }`)}
    .suggestions, .actions, .choices { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
    button { font: inherit; cursor: pointer; border-radius: 4px; padding: 2px 8px; color: var(--text); }
    button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
    .suggestion, .primary { border: 1px solid var(--accent-text); background: var(--accent-bg); color: var(--accent-text); }
    .hint { color: var(--muted); font-style: italic; }
    .preview { margin: 0 0 4px; padding-left: 11px; }
    .preview del { color: var(--muted); }
    .preview ins { text-decoration: none; background: var(--accent-bg); color: var(--accent-text); }
    .footer .rewrite-post { float: left; border: 1px solid var(--accent-text); background: var(--accent-bg); color: var(--accent-text);
      text-decoration: none; padding: 2px 8px; }
    .policy { display: block; margin-top: 4px; border: 0; background: none; color: var(--accent-text); text-decoration: underline; padding: 2px 4px; }
    .actions button, .footer button, .link { border: 0; background: none; color: var(--muted); text-decoration: underline; padding: 2px 4px; }
    .footer { border-top: 1px solid var(--rule); margin-top: 4px; padding-top: 4px; text-align: right; }
    .toast { width: auto; max-width: 360px; display: flex; gap: 8px; align-items: center; padding: 6px 10px; }
    .confirm .summary { margin: 0 0 6px; }
  `;
}
