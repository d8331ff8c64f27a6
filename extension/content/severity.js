{
  const RANK = { error: 3, warning: 2, info: 1 };

  // The most severe of some severities (null for none): colours badges and overlapping underlines.
  Rapport.worstSeverity = (severities) =>
    severities.reduce((top, severity) => ((RANK[severity] ?? 0) > (RANK[top] ?? 0) ? severity : top), null);
}
