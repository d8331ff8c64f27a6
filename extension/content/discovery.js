{
  const FIELDS = 'textarea, input[type="text"], input:not([type]), [contenteditable]:not([contenteditable="false"])';
  const UNDEFINED_POLL_MS = 1000;
  const UNDEFINED_POLL_FOR_MS = 60000;

  const isComposer = (element) => {
    if (!element.matches?.(FIELDS) || element.localName.startsWith("rapport-")) return false;
    if (element.isContentEditable) return !element.parentElement?.isContentEditable; // the editor root only
    return !element.readOnly && !element.disabled;
  };

  // Extension code may look into a site's closed shadow roots (Chromium: chrome.dom; Firefox: a property).
  const shadowOf = (element) => globalThis.chrome?.dom?.openOrClosedShadowRoot?.(element) ?? element.openOrClosedShadowRoot ?? element.shadowRoot;

  // Reports every composer of this document once: those present now, those added later, those inside
  // shadow roots (also roots attached after load, and custom elements defined later, as on Reddit), and
  // elements that become contenteditable after mounting (as Lexical does). `found(element)` per composer;
  // `changed()` after each batch of DOM mutations. Returns a stop function.
  Rapport.watchComposers = ({ found, changed }) => {
    const reported = new WeakSet();
    const observed = new WeakSet();
    const observers = [];
    let undefinedElements = new Set();

    const consider = (element) => {
      if (reported.has(element) || !isComposer(element)) return;
      reported.add(element);
      found(element);
    };

    const scan = (root) => {
      if (root.nodeType === Node.ELEMENT_NODE) consider(root);
      for (const element of root.querySelectorAll(FIELDS)) consider(element);
      for (const element of [root, ...root.querySelectorAll("*")]) {
        if (element.nodeType !== Node.ELEMENT_NODE || element.localName.startsWith("rapport-")) continue;
        const shadow = shadowOf(element);
        if (shadow) observe(shadow);
        else if (element.localName.includes("-") && !element.matches(":defined")) undefinedElements.add(element);
      }
    };

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

    // A shadow root attached later changes nothing we can observe, but the composer in it gets focus
    // before anyone types: look along the focus path for roots we have not seen.
    const focused = (event) => {
      for (const node of event.composedPath()) {
        if (node.nodeType !== Node.ELEMENT_NODE || node.localName.startsWith("rapport-")) continue;
        const shadow = shadowOf(node);
        if (shadow) observe(shadow);
        consider(node);
      }
    };
    document.addEventListener("focusin", focused, true);

    // Custom elements upgraded later (content scripts cannot use customElements.whenDefined): poll the
    // undefined ones for a while after load; an upgrade usually attaches their shadow root.
    const started = Date.now();
    const poll = setInterval(() => {
      const upgraded = [...undefinedElements].filter((element) => element.matches(":defined") || !element.isConnected);
      for (const element of upgraded) {
        undefinedElements.delete(element);
        if (element.isConnected) scan(element);
      }
      if (upgraded.length) changed();
      if (Date.now() - started > UNDEFINED_POLL_FOR_MS) clearInterval(poll);
    }, UNDEFINED_POLL_MS);

    observe(document);
    return () => {
      observers.forEach((observer) => observer.disconnect());
      document.removeEventListener("focusin", focused, true);
      clearInterval(poll);
      undefinedElements = new Set();
    };
  };
}
