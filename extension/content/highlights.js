{
  // Underlines for contenteditable composers via the CSS Custom Highlight API: ranges are painted
  // by the browser, so rich editors (which revert foreign DOM) never see our markup.
  const STYLE = Rapport.SEVERITIES.map((severity) => `::highlight(rapport-${severity}) { ${Rapport.underlineStyle(severity)} }`).join("\n");
  const styledRoots = new WeakSet();

  // ::highlight() rules only apply within the tree whose styles define them: the page, or an open shadow root.
  function ensureStyle(root) {
    if (styledRoots.has(root)) return;
    styledRoots.add(root);
    const style = document.createElement("style");
    style.textContent = STYLE;
    (root instanceof ShadowRoot ? root : root.head ?? root.documentElement).append(style);
  }

  function registry(severity) {
    const name = `rapport-${severity}`;
    if (!CSS.highlights.has(name)) CSS.highlights.set(name, new Highlight());
    return CSS.highlights.get(name);
  }

  Rapport.HighlightPainter = class {
    constructor(element) {
      this.element = element;
      this.painted = []; // [severity, range]
      ensureStyle(element.getRootNode());
    }

    paint(entries) {
      this.clear();
      for (const { severity, range } of entries) {
        const kind = Rapport.SEVERITIES.includes(severity) ? severity : "info";
        registry(kind).add(range);
        this.painted.push([kind, range]);
      }
    }

    clear() {
      for (const [kind, range] of this.painted) registry(kind).delete(range);
      this.painted = [];
    }
  };
}
