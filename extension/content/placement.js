{
  const GAP = 6;
  const MIN_HEIGHT = 96; // below this a card is too cramped to read: try beside the words instead

  // Where a floating panel goes next to `anchor` (a viewport rect) without covering it: below if it fits,
  // else above, else on the roomier of those sides with a scroll, else beside it; never outside the
  // viewport. The width shrinks to fit small frames. Returns { left, top, width, maxHeight }.
  Rapport.placeBeside = (panel, anchor) => {
    const width = Math.min(320, innerWidth - 2 * GAP);
    panel.style.width = `${width}px`;
    panel.style.maxHeight = "none";
    const height = panel.scrollHeight + 2;
    const below = innerHeight - anchor.bottom - 2 * GAP;
    const above = anchor.top - 2 * GAP;
    const clampLeft = (left) => Math.min(Math.max(GAP, left), innerWidth - width - GAP);
    let spot;
    if (height <= below) spot = { left: clampLeft(anchor.left), top: anchor.bottom + GAP, maxHeight: below };
    else if (height <= above) spot = { left: clampLeft(anchor.left), top: anchor.top - GAP - height, maxHeight: above };
    else if (Math.max(below, above) >= MIN_HEIGHT || !roomBeside(anchor, width)) {
      spot = below >= above
        ? { left: clampLeft(anchor.left), top: anchor.bottom + GAP, maxHeight: Math.max(below, 0) }
        : { left: clampLeft(anchor.left), top: GAP, maxHeight: above };
    } else {
      const left = innerWidth - anchor.right - GAP >= width + GAP ? anchor.right + GAP : anchor.left - GAP - width;
      spot = { left, top: GAP, maxHeight: innerHeight - 2 * GAP };
    }
    Object.assign(panel.style, { left: `${spot.left}px`, top: `${spot.top}px`, maxHeight: `${spot.maxHeight}px` });
    return spot;
  };

  const roomBeside = (anchor, width) => innerWidth - anchor.right - GAP >= width + GAP || anchor.left - GAP >= width + GAP;

  // The box around some words' line rects, so a panel keeps clear of every line they run over, not
  // only the first; null when there are none.
  Rapport.around = (rects) => rects.length ? {
    left: Math.min(...rects.map((r) => r.left)), top: Math.min(...rects.map((r) => r.top)),
    right: Math.max(...rects.map((r) => r.right)), bottom: Math.max(...rects.map((r) => r.bottom)),
  } : null;

  // Whether an anchor rect is (partly) inside the viewport.
  Rapport.inView = (rect) => rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;
}
