{
  const RANK = { error: 3, warning: 2, info: 1 };
  // One colour per severity and theme, for underlines, badges and cards alike: each reaches WCAG AA
  // (3:1 as a graphic, 4.5:1 where it is text) on the theme's backgrounds (tests/browser/test_ext_theme.py).
  const PALETTE = {
    light: { error: "#c5221f", warning: "#a15c00", info: "#1a62d6", clean: "#137333", muted: "#5f6368" },
    dark: { error: "#f28b82", warning: "#fcc934", info: "#8ab4f8", clean: "#81c995", muted: "#bdc1c6" },
  };
  // The line under flagged words differs by severity in shape too, not only in colour.
  const LINE = { error: "solid", warning: "dashed", info: "dotted" };

  Rapport.SEVERITIES = Object.keys(RANK);
  Rapport.PALETTE = PALETTE;
  Rapport.lineStyle = (severity) => LINE[severity] ?? LINE.info;
  Rapport.knownSeverity = (severity) => (RANK[severity] ? severity : "info");
  Rapport.severityRank = (severity) => RANK[severity] ?? 0;

  // The most severe of some severities (null for none): colours badges and overlapping underlines.
  Rapport.worstSeverity = (severities) =>
    severities.reduce((top, severity) => ((RANK[severity] ?? 0) > (RANK[top] ?? 0) ? severity : top), null);
}
