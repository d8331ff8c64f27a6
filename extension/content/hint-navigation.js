{
  // Which underlined finding a keyboard command opens. `spans` are sorted by offset; `from` is the caret,
  // or the offset of the finding whose card is open (`open`).
  Rapport.hintFor = (name, spans, from, open) => {
    if (name === "open-hint") {
      const distance = (f) => (from < f.offset ? f.offset - from : Math.max(0, from - f.offset - f.length));
      return spans.reduce((best, f) => (distance(f) < distance(best) ? f : best));
    }
    if (name === "next-hint") return spans.find((f) => (open ? f.offset > from : f.offset + f.length > from)) ?? spans[0];
    return spans.findLast((f) => f.offset < from) ?? spans.at(-1);
  };
}
