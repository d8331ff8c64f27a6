{
  // Per frame: once preferences are known, attach a Composer to every composer found, unless paused here.
  const composers = new Map(); // element -> Composer
  let stopWatching = null;
  let card = null;
  let reportedCount = 0;

  function reportCount() {
    const count = [...composers.values()].reduce((sum, composer) => sum + composer.findings.length, 0);
    if (count === reportedCount) return;
    reportedCount = count;
    chrome.runtime.sendMessage({ type: "count", count }).catch(() => {});
  }

  function start() {
    const ui = Rapport.uiRoot();
    card ??= new Rapport.Card(ui);
    stopWatching = Rapport.watchComposers({
      found: (element) => composers.set(element, new Rapport.Composer(element, { ui, card, onCount: reportCount })),
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
    card?.hide();
    for (const composer of composers.values()) composer.destroy();
    composers.clear();
    reportCount();
  }

  Rapport.prefs.onChange(({ paused }) => {
    if (paused) stop();
    else if (!stopWatching) start();
    else for (const composer of composers.values()) composer.relint(); // disabled rules changed
  });

  document.addEventListener("mousedown", (event) => {
    if (card?.open && !event.composedPath().includes(card.element)) card.hide();
  }, true);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") card?.hide();
  }, true);

  Rapport.prefs.load().catch(() => {}); // no background (extension reloaded): stay inert
}
