{
  // One interface over the two kinds of composer: read the text, select a span (to apply a fix or put the
  // caret back), where the caret is, and where a span of the text is on screen.

  Rapport.PlainField = class {
    constructor(element, root) {
      this.element = element;
      this.mirror = new Rapport.Mirror(element, root);
    }

    read() {
      return this.element.value;
    }

    select(start, end) {
      this.element.focus();
      this.element.setSelectionRange(start, end);
    }

    caret() {
      return [this.element.selectionStart ?? 0, this.element.selectionEnd ?? 0];
    }

    // rects(start, end) for the current text, measured once per call of measure().
    measure() {
      return (start, end) => this.mirror.rects(start, end);
    }

    destroy() {
      this.mirror.destroy();
    }
  };

  Rapport.EditableField = class {
    constructor(element) {
      this.element = element;
    }

    read() {
      return Rapport.readEditable(this.element).text;
    }

    select(start, end) {
      this.element.focus();
      const selection = this.element.ownerDocument.getSelection();
      selection.removeAllRanges();
      selection.addRange(Rapport.readEditable(this.element).range(start, end));
    }

    caret() {
      const selection = this.element.getRootNode().getSelection?.() ?? document.getSelection();
      if (!selection?.rangeCount || !this.element.contains(selection.anchorNode)) return [0, 0];
      const model = Rapport.readEditable(this.element);
      const range = selection.getRangeAt(0);
      return [model.offsetOf(range.startContainer, range.startOffset), model.offsetOf(range.endContainer, range.endOffset)];
    }

    // Fresh ranges each time: editors such as Draft.js re-render text nodes, which collapses older ranges.
    measure() {
      const model = Rapport.readEditable(this.element);
      return (start, end) => [...model.range(start, end).getClientRects()];
    }

    destroy() {}
  };

  Rapport.fieldFor = (element, root) =>
    element.isContentEditable ? new Rapport.EditableField(element) : new Rapport.PlainField(element, root);
}
