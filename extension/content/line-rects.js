{
  // The rects to underline for [start, end) of `text`, without the whitespace where a line wraps:
  // browsers give a wrapping space a rect of its own at the end of the line, which would stretch the
  // underline (and the area a card must keep clear of) past the last word. Spans on one line, the
  // common case, cost a single measurement.
  Rapport.lineRects = (text, start, end, measure) => {
    const rects = measure(start, end);
    if (rects.every((rect) => Math.abs(rect.top - rects[0].top) < 1)) return rects;
    const pieces = [];
    let from = start;
    for (const space of text.slice(start, end).matchAll(/\s+/g)) {
      const at = start + space.index;
      const after = at + space[0].length;
      if (after >= end || !wraps(measure, at, after)) continue;
      if (at > from) pieces.push(...measure(from, at));
      from = after;
    }
    if (from === start) return rects;
    pieces.push(...measure(from, end));
    return pieces;
  };

  // Whether the text after a run of whitespace starts on a lower line than the run itself.
  const wraps = (measure, at, after) => {
    const [space] = measure(at, at + 1);
    const [next] = measure(after, after + 1);
    return Boolean(space && next) && next.top >= space.bottom - 1;
  };
}
