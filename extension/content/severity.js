{
  const RANK = { error: 3, warning: 2, info: 1 };
  // One colour per severity, used by underlines, badges and cards alike.
  const COLOUR = { error: "#d93025", warning: "#e37400", info: "#1a73e8" };
  const TINT = { error: "rgb(217 48 37 / 0.10)", warning: "rgb(227 116 0 / 0.10)" };

  Rapport.SEVERITIES = Object.keys(RANK);
  Rapport.severityColour = (severity) => COLOUR[severity] ?? COLOUR.info;

  // CSS declarations of a severity's underline: wavy and tinted for problems, dotted for information.
  Rapport.underlineStyle = (severity) =>
    TINT[severity]
      ? `text-decoration: underline wavy ${COLOUR[severity]}; background-color: ${TINT[severity]}; text-decoration-skip-ink: none;`
      : `text-decoration: underline dotted ${Rapport.severityColour(severity)}; text-decoration-skip-ink: none;`;

  // The most severe of some severities (null for none): colours badges and overlapping underlines.
  Rapport.worstSeverity = (severities) =>
    severities.reduce((top, severity) => ((RANK[severity] ?? 0) > (RANK[top] ?? 0) ? severity : top), null);
}
