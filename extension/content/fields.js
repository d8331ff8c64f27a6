{
  // One interface over the two kinds of composer: read the text, select a span (for applying a fix),
  // paint findings and report where a finding is on screen.

  Rapport.PlainField = class {
    constructor(element, ui) {
      this.element = element;
      this.painter = new Rapport.MirrorPainter(element, ui.layer);
    }

    read() {
      return this.element.value;
    }

    select(start, end) {
      this.element.focus();
      this.element.setSelectionRange(start, end);
    }

    paint(text, findings) {
      this.painter.paint(text, findings.map((f) => ({ severity: f.severity, start: f.offset, end: f.offset + f.length })));
    }

    clear() {
      this.painter.clear();
    }

    rects(index) {
      return this.painter.rects(index);
    }

    place() {
      this.painter.place();
    }

    destroy() {
      this.painter.destroy();
    }
  };

  Rapport.EditableField = class {
    constructor(element) {
      this.element = element;
      this.painter = new Rapport.HighlightPainter(element);
      this.findings = [];
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

    paint(text, findings) {
      const model = Rapport.readEditable(this.element);
      this.findings = findings;
      this.painter.paint(findings.map((f) => ({ severity: f.severity, range: model.range(f.offset, f.offset + f.length) })));
    }

    clear() {
      this.findings = [];
      this.painter.clear();
    }

    // Fresh ranges: editors such as Draft.js re-render text nodes, which collapses older ranges.
    rects(index) {
      const finding = this.findings[index];
      if (!finding) return [];
      return [...Rapport.readEditable(this.element).range(finding.offset, finding.offset + finding.length).getClientRects()];
    }

    place() {} // highlights move with the text

    destroy() {
      this.painter.clear();
    }
  };

  Rapport.fieldFor = (element, ui) =>
    element.isContentEditable ? new Rapport.EditableField(element) : new Rapport.PlainField(element, ui);
}
