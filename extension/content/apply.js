{
  const SELECTION_SETTLE_MS = 100;

  // Editors such as Draft.js learn about a selection from the (asynchronous) selectionchange event;
  // inserting before they have seen it leaves their caret where it was, and later typing lands there.
  const selectionSeen = (doc) =>
    new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        doc.removeEventListener("selectionchange", done);
        resolve();
      };
      const timer = setTimeout(done, SELECTION_SETTLE_MS);
      doc.addEventListener("selectionchange", done);
    });

  // Replaces a finding's span through the editor's own input path (select + execCommand), so Draft.js,
  // Lexical, Quill, ProseMirror and plain fields update their models and keep native undo.
  // Resolves to false, changing nothing, if the span no longer holds the text that was linted.
  Rapport.applySuggestion = async (field, finding, replacement) => {
    const current = field.read();
    const [start, end] = finding.scope === "draft"
      ? [current.length, current.length] // draft-wide suggestions append to the draft
      : [finding.offset, finding.offset + finding.length];
    if (current.slice(start, end) !== finding.matched) return false;
    const doc = field.element.ownerDocument;
    const seen = selectionSeen(doc);
    field.select(start, end);
    await seen;
    return replacement ? doc.execCommand("insertText", false, replacement) : doc.execCommand("delete");
  };
}
