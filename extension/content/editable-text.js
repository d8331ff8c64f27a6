{
  const BLOCK = /^(ADDRESS|ARTICLE|BLOCKQUOTE|DD|DIV|DL|DT|FIGURE|FOOTER|H[1-6]|HEADER|LI|OL|P|PRE|SECTION|TABLE|TR|UL)$/;
  const SKIP = /^(SCRIPT|STYLE|TEMPLATE)$/;

  // The text of a contenteditable as editors present it (blocks and <br> become "\n"), plus where each
  // character came from, so service offsets map back to DOM ranges without touching the editor's DOM.
  Rapport.readEditable = (root) => {
    const pieces = []; // { node, start } per text node, in document order
    let text = "";
    let pendingBreak = false; // breaks are written lazily, so trailing placeholder <br>s add nothing

    const visit = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE && child.data) {
          if (pendingBreak && text) text += "\n";
          pendingBreak = false;
          pieces.push({ node: child, start: text.length });
          text += child.data;
        } else if (child.nodeType === Node.ELEMENT_NODE && !SKIP.test(child.tagName)) {
          const block = BLOCK.test(child.tagName);
          if (block || child.tagName === "BR") pendingBreak = true;
          visit(child);
          if (block) pendingBreak = true;
        }
      }
    };
    visit(root);

    // DOM position of a text offset; an offset on a synthetic "\n" resolves to the end of the text before it.
    const point = (offset) => {
      let index = pieces.length - 1;
      while (index > 0 && pieces[index].start > offset) index -= 1;
      const piece = pieces[index];
      if (!piece) return [root, 0];
      return [piece.node, Math.min(offset - piece.start, piece.node.length)];
    };

    const range = (start, end) => {
      const result = root.ownerDocument.createRange();
      result.setStart(...point(start));
      result.setEnd(...point(end));
      return result;
    };

    // Text offset of a DOM position (a selection end): inside a text node, or before an element's child.
    const offsetOf = (node, offset) => {
      const piece = pieces.find((p) => p.node === node);
      if (piece) return piece.start + offset;
      const probe = root.ownerDocument.createRange();
      probe.setStart(node, offset);
      const after = pieces.find((p) => probe.comparePoint(p.node, 0) >= 0);
      return after ? after.start : text.length;
    };

    return { text, range, offsetOf };
  };
}
