{
  // Our UI is in the top layer, so it would paint over everything: a sticky header the composer scrolls
  // under, a site's own modal, the edge of a scroll container. These say what of the composer really shows.
  const CLIPS = /(auto|scroll|hidden|clip)/;
  const isOurs = (element) => element.localName.startsWith("rapport-");

  const intersect = (a, b) => {
    const left = Math.max(a.left, b.left);
    const top = Math.max(a.top, b.top);
    const right = Math.min(a.right, b.right);
    const bottom = Math.min(a.bottom, b.bottom);
    return { left, top, right: Math.max(left, right), bottom: Math.max(top, bottom) };
  };

  // The inside of an element's border, where its content and scrollbars show.
  const paddingBox = (element) => {
    const rect = element.getBoundingClientRect();
    const left = rect.left + element.clientLeft;
    const top = rect.top + element.clientTop;
    return { left, top, right: left + element.clientWidth, bottom: top + element.clientHeight };
  };

  // The part of the viewport where `element`'s content can show, cut by every clipping ancestor
  // (and by the element's own padding box if `inside`).
  Rapport.clipRect = (element, inside) => {
    let clip = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    if (inside) clip = intersect(clip, paddingBox(element));
    for (let node = Rapport.parentOf(element); node && node !== document.body && node !== document.documentElement; node = Rapport.parentOf(node)) {
      const style = getComputedStyle(node);
      if (CLIPS.test(style.overflowX) || CLIPS.test(style.overflowY)) clip = intersect(clip, paddingBox(node));
    }
    return clip;
  };

  // Whether the point shows `element` itself (for underlines), or, with `around`, also one of its
  // ancestors (for the badge, which may sit just outside the composer); our own hosts are looked through.
  Rapport.shows = (element, x, y, around = false) => {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    const root = element.getRootNode();
    const top = (root.elementsFromPoint ? root : document).elementsFromPoint(x, y).find((hit) => !isOurs(hit));
    if (!top) return false;
    return element.contains(top) || (around && top.contains(element));
  };

  // A rect shows if its left end, middle and right end all do.
  Rapport.rectShows = (element, rect, around = false) => {
    const y = (rect.top + rect.bottom) / 2;
    return [rect.left + 1, (rect.left + rect.right) / 2, rect.right - 1].every((x) => Rapport.shows(element, x, y, around));
  };
}
