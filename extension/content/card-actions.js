{
  // What the card's buttons do for one composer: apply a suggestion, ignore, turn a rule off (here or
  // everywhere) and pause the site, the last two with an undo toast. Each closes the card first.
  Rapport.cardActions = (composer) => {
    const then = (step) => (...args) => {
      composer.card.hide();
      step(...args);
    };
    const undoable = (text, undo) => composer.notices.toast(composer.element, text, undo);
    return {
      apply: then(async (finding, replacement) => {
        await Rapport.applySuggestion(composer.field, finding, replacement);
        composer.edited(); // not every editor reports its change with an input event
      }),
      // The whole draft selected and replaced in one insertion: one step for the editor's undo.
      rewritePost: then(async ({ before, after }) => {
        await Rapport.applySuggestion(composer.field, { scope: "span", offset: 0, length: before.length, matched: before }, after);
        composer.edited();
      }),
      ignore: then((finding) => composer.ignore(finding)),
      disableRule: then(async (finding, scope) => {
        await Rapport.prefs.disableRule(finding, scope);
        const where = scope === "site" ? `on ${Rapport.prefs.current.site}` : "everywhere";
        undoable(`"${Rapport.ruleName(finding.rule)}" is off ${where}.`, () => Rapport.prefs.enableRule(finding, scope));
      }),
      pauseSite: then(async () => {
        const site = Rapport.prefs.current.site;
        await Rapport.prefs.pauseSite();
        undoable(`Rapport is paused on ${site}.`, () => Rapport.prefs.resumeSite());
      }),
    };
  };
}
