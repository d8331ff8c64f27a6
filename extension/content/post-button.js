{
  // A composer's own Post / Tweet / Reply / Publish button, found by role and accessible label inside the
  // composer's dialog or form (or, failing those, the nearest few ancestors), not by site-specific selectors.
  const LABEL = /^(post|tweet|reply|publish|send|share|toot|comment|post all|post now|publish now|reply all)$/i;
  const BUTTONS = 'button, [role="button"], input[type="submit"]';
  const ANCESTORS = 6;

  const labelOf = (element) =>
    (element.getAttribute("aria-label") || element.value || element.textContent || element.title || "").trim().replace(/\s+/g, " ");

  const usable = (element) => !element.disabled && element.getAttribute("aria-disabled") !== "true" && element.getClientRects().length > 0;

  const scopes = (composer) => {
    const found = [];
    let node = composer;
    for (let depth = 0; node; node = Rapport.parentOf(node), depth += 1) {
      if (node.matches?.('dialog, [role="dialog"], form')) return [...found, node];
      if (depth < ANCESTORS) found.push(node);
    }
    return found;
  };

  Rapport.postButtonFor = (composer) => {
    for (const scope of scopes(composer)) {
      const match = [...scope.querySelectorAll(BUTTONS)].find((element) => usable(element) && LABEL.test(labelOf(element)));
      if (match) return match;
    }
    return null;
  };
}
