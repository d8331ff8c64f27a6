{
  // Per frame: once preferences are known, attach a Composer to every composer found, unless Rapport is
  // off on this site; and the frame-wide keys: Escape and Tab around the card, shortcuts, commands.
  const composers = new Map(); // element -> Composer
  const card = new Rapport.Card();
  const notices = new Rapport.Notices();
  let stopWatching = null;
  let reportedCount = 0;

  function reportCount() {
    const count = [...composers.values()].reduce((sum, composer) => sum + composer.findings.length, 0);
    if (count === reportedCount) return;
    reportedCount = count;
    chrome.runtime.sendMessage({ type: "count", count }).catch(() => {});
  }

  function attach(element) {
    const composer = new Rapport.Composer(element, { card, notices });
    composer.onCount = reportCount;
    composers.set(element, composer);
  }

  function start() {
    stopWatching = Rapport.watchComposers({
      found: attach,
      changed: () => {
        for (const [element, composer] of composers) {
          if (element.isConnected) continue;
          composer.destroy();
          composers.delete(element);
        }
        reportCount();
      },
    });
  }

  function stop() {
    stopWatching?.();
    stopWatching = null;
    card.hide();
    for (const composer of composers.values()) composer.destroy();
    composers.clear();
    reportCount();
  }

  // The composer that has focus (directly, or through the card opened on it).
  const focusedComposer = (event) => {
    if (card.open && card.hasFocus) return card.shown.composer;
    const path = event.composedPath();
    return [...composers.values()].find((composer) => path.includes(composer.element)) ?? null;
  };

  function command(name, event) {
    const composer = focusedComposer(event);
    if (!composer) return false;
    composer.command(name);
    return true;
  }

  Rapport.intercept("keydown", (event) => {
    if (notices.confirming && notices.contains(event.target)) {
      if (event.key === "Escape") {
        notices.closeConfirm();
        return true;
      }
      return notices.confirmKey(event) || stopOnly(event);
    }
    const name = Rapport.commandFor(event, Rapport.prefs.current.shortcuts);
    if (name) return command(name, event);
    if (!card.open) return false;
    if (event.key === "Escape") {
      card.hide({ restore: true });
      return true; // consumed: the site's own dialog must not close with it
    }
    if (card.contains(event.target)) return card.key(event) || stopOnly(event);
    if (event.key === "Tab" && !event.shiftKey && event.composedPath().includes(card.shown.composer.element)) {
      card.focusFirst();
      return true;
    }
    return false;
  });

  // Keys pressed in our UI are ours: the page sees none of them, but their default actions (a button's
  // Enter) still happen.
  function stopOnly(event) {
    event.stopImmediatePropagation();
    return false;
  }

  // The card closes when someone clicks or moves focus anywhere but the card or its composer; the
  // pre-publish confirmation when they click anywhere but on it.
  const outside = (event) => {
    const path = event.composedPath();
    if (event.type === "mousedown" && notices.confirming && !path.includes(notices.ui.host)) notices.closeConfirm(false);
    if (!card.open || path.includes(card.ui.host) || path.includes(card.shown.composer.element)) return;
    card.hide();
  };
  document.addEventListener("mousedown", Rapport.trusted(outside), true);
  document.addEventListener("focusin", outside, true);

  new Rapport.PrePublish(() => [...composers.values()], notices);

  chrome.runtime.onMessage.addListener((message, sender, reply) => {
    if (sender.id !== chrome.runtime.id || sender.tab) return false; // only our background
    if (message?.type === "where" && window === top) reply({ host: location.hostname });
    if (message?.type === "command" && document.hasFocus()) command(message.name, { composedPath: () => composedFocusPath() });
    return false;
  });

  // The focused element and its ancestors across shadow roots, as an event's composedPath() would list them.
  function composedFocusPath() {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    const path = [];
    for (let node = element; node; node = Rapport.parentOf(node)) path.push(node);
    return path;
  }

  Rapport.prefs.onChange(({ active }) => {
    if (!active) stop();
    else if (!stopWatching) start();
    else for (const composer of composers.values()) composer.relint(); // rules or platform changed
  });

  Rapport.prefs.load().catch(() => {}); // no background (extension reloaded): stay inert
}
