{
  const FIELDS = 'textarea, input[type="text"], input:not([type]), [contenteditable]:not([contenteditable="false"])';

  const isComposer = (element) => {
    if (!element.matches(FIELDS)) return false;
    if (element.isContentEditable) return !element.parentElement?.isContentEditable; // the editor root only
    return !element.readOnly && !element.disabled;
  };

  // Reports every composer of this document once: those present now, those added later, those inside
  // open shadow roots, and elements that become contenteditable after mounting (as Lexical does).
  // `found(element)` per composer; `changed()` after each batch of DOM mutations. Returns a stop function.
  Rapport.watchComposers = ({ found, changed }) => {
    const reported = new WeakSet();
    const observers = [];

    const consider = (element) => {
      if (reported.has(element) || !isComposer(element)) return;
      reported.add(element);
      found(element);
    };

    const scan = (root) => {
      if (root.nodeType === Node.ELEMENT_NODE) consider(root);
      for (const element of root.querySelectorAll(FIELDS)) consider(element);
      for (const element of [root, ...root.querySelectorAll("*")]) {
        if (element.shadowRoot) observe(element.shadowRoot);
      }
    };

    const observed = new WeakSet();
    const observe = (root) => {
      if (observed.has(root)) return;
      observed.add(root);
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === "attributes") consider(record.target);
          for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) scan(node);
        }
        changed();
      });
      observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["contenteditable"] });
      observers.push(observer);
      scan(root);
    };

    observe(document);
    return () => observers.forEach((observer) => observer.disconnect());
  };
}
