{
  // Runs at document_start, before any page script, so our window listeners come first in the capture
  // phase: Escape in our card, our shortcuts and a held-back Post never reach the site's own handlers.
  // Later scripts register handlers; a handler that returns true has consumed the event.
  const handlers = { keydown: [], click: [] };

  for (const type of Object.keys(handlers)) {
    window.addEventListener(type, (event) => {
      if (!event.isTrusted) return;
      for (const handler of handlers[type]) {
        if (!handler(event)) continue;
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
    }, true);
  }

  Rapport.intercept = (type, handler) => handlers[type].push(handler);
}
