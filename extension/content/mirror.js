{
  // A textarea or input cannot report where its characters are, so an invisible copy of its text with the
  // same box and font is laid exactly over it (inside our shadow root); ranges over the copy give the rects.
  const COPIED = [
    "fontFamily", "fontSize", "fontWeight", "fontStyle", "fontVariant", "fontStretch", "lineHeight",
    "letterSpacing", "wordSpacing", "textIndent", "textTransform", "textAlign", "direction", "tabSize",
    "paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "overflowWrap", "wordBreak",
  ];

  Rapport.Mirror = class {
    constructor(field, root) {
      this.field = field;
      this.box = document.createElement("div");
      this.box.className = "mirror";
      this.text = document.createTextNode("");
      // A trailing newline needs a following character to take up its line, as in the field.
      this.box.append(this.text, "\u200b");
      root.append(this.box);
    }

    // Client rects of [start, end) of the field's current text.
    rects(start, end) {
      this.sync();
      const range = document.createRange();
      range.setStart(this.text, Math.min(start, this.text.length));
      range.setEnd(this.text, Math.min(end, this.text.length));
      return [...range.getClientRects()];
    }

    sync() {
      const field = this.field;
      if (this.text.data !== field.value) this.text.data = field.value;
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

    destroy() {
      this.box.remove();
    }
  };
}
