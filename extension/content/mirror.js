{
  // Textareas and inputs cannot hold highlights, so a transparent copy of the text with <mark>s is laid
  // exactly over the field (inside our shadow root); pointer events pass through to the field.
  const COPIED = [
    "fontFamily", "fontSize", "fontWeight", "fontStyle", "fontVariant", "fontStretch", "lineHeight",
    "letterSpacing", "wordSpacing", "textIndent", "textTransform", "textAlign", "direction", "tabSize",
    "paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "overflowWrap", "wordBreak",
  ];

  Rapport.MirrorPainter = class {
    constructor(field, layer) {
      this.field = field;
      this.box = document.createElement("div");
      this.box.className = "mirror";
      this.box.hidden = true;
      layer.append(this.box);
      this.marksOf = [];
    }

    // entries: [{ severity, start, end }] over `text`. Overlapping spans are cut into segments, each
    // marked once in the worst severity covering it; marksOf[i] lists the segments of entry i.
    paint(text, entries) {
      const cuts = [...new Set([0, text.length, ...entries.flatMap((e) => [e.start, e.end])])].sort((a, b) => a - b);
      this.marksOf = entries.map(() => []);
      const nodes = [];
      for (let i = 0; i + 1 < cuts.length; i += 1) {
        const [from, to] = [cuts[i], cuts[i + 1]];
        const covering = entries.flatMap((entry, index) => (entry.start <= from && entry.end >= to ? [index] : []));
        if (!covering.length) {
          nodes.push(text.slice(from, to));
          continue;
        }
        const mark = document.createElement("mark");
        mark.className = `sev-${Rapport.worstSeverity(covering.map((index) => entries[index].severity))}`;
        mark.textContent = text.slice(from, to);
        for (const index of covering) this.marksOf[index].push(mark);
        nodes.push(mark);
      }
      // A trailing newline needs a following character to take up its line, as in the field.
      nodes.push("\u200b");
      this.box.replaceChildren(...nodes);
      this.box.hidden = false;
      this.place();
    }

    clear() {
      this.box.hidden = true;
      this.box.replaceChildren();
      this.marksOf = [];
    }

    rects(index) {
      return (this.marksOf[index] ?? []).flatMap((mark) => [...mark.getClientRects()]);
    }

    destroy() {
      this.box.remove();
    }

    place() {
      if (this.box.hidden) return;
      const field = this.field;
      const style = getComputedStyle(field);
      const rect = field.getBoundingClientRect();
      for (const property of COPIED) this.box.style[property] = style[property];
      Object.assign(this.box.style, {
        left: `${rect.left + field.clientLeft}px`,
        top: `${rect.top + field.clientTop}px`,
        width: `${field.clientWidth}px`,
        height: `${field.clientHeight}px`,
        whiteSpace: field.tagName === "TEXTAREA" ? "pre-wrap" : "pre",
      });
      this.box.scrollTop = field.scrollTop;
      this.box.scrollLeft = field.scrollLeft;
    }
  };
}
