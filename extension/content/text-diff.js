{
  // The one stretch where two versions of a draft differ: common prefix and suffix around it.
  Rapport.editBetween = (before, after) => {
    const shorter = Math.min(before.length, after.length);
    let start = 0;
    while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
    let tail = 0;
    while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail += 1;
    return { start, beforeEnd: before.length - tail, afterEnd: after.length - tail };
  };

  // Findings on `before` carried over to `after`, so underlines stay put while someone types: spans ahead
  // of the edit stay, spans after it move by its length, spans it touched are dropped until the next reply.
  // Findings about the whole draft stay, at the new end.
  Rapport.carryFindings = (findings, before, after) => {
    if (before === after) return findings;
    const edit = Rapport.editBetween(before, after);
    const shift = edit.afterEnd - edit.beforeEnd;
    return findings.flatMap((finding) => {
      if (finding.scope === "draft") return [{ ...finding, offset: after.length }];
      if (finding.offset + finding.length <= edit.start) return [finding];
      if (finding.offset >= edit.beforeEnd) return [{ ...finding, offset: finding.offset + shift }];
      return [];
    });
  };
}
