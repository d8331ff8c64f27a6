{
  const within = (rect, x, y) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
  // By rule and words, not offset, so an ignore survives edits elsewhere in the draft.
  const ignoreKey = (finding) => `${finding.rule}\u0000${finding.matched}`;

  // One composer: edits -> scheduler -> painted hints, badge and card, and the card's actions.
  Rapport.Composer = class {
    constructor(element, { ui, card, onCount }) {
      this.element = element;
      this.card = card;
      this.onCount = onCount;
      this.field = Rapport.fieldFor(element, ui);
      this.reply = null; // the latest reply shown, with the text it was linted on
      this.findings = []; // its visible findings, each with the `matched` text it was linted on
      this.spans = []; // the underlined ones, by offset; field.rects(i) refers to spans[i]
      this.ignored = new Set(); // ignoreKey()s for this draft only: a new draft is checked afresh
      this.badge = new Rapport.Badge(ui, () => this.openList());
      this.scheduler = new Rapport.LintScheduler(() => this.field.read(), (reply) => this.show(reply));
      this.frame = 0;

      const place = () => this.requestPlace();
      this.listeners = [
        [element, "input", () => this.edited()], // textarea and input: their value is not in the DOM
        [element, "click", (event) => this.clicked(event)],
        [element, "scroll", place],
        [window, "scroll", place, { capture: true, passive: true }],
        [window, "resize", place],
      ];
      for (const [target, type, listener, options] of this.listeners) target.addEventListener(type, listener, options);
      this.resizeObserver = new ResizeObserver(place);
      this.resizeObserver.observe(element);
      // Rich editors apply many edits from their own key handlers (Ctrl+A, Delete; Enter in some), so
      // no input event comes; every edit changes their DOM. Re-renders that keep the text are not edits.
      this.mutations = new MutationObserver(() => {
        if (this.field.read() !== this.reply?.text) this.edited();
      });
      this.mutations.observe(element, { childList: true, subtree: true, characterData: true });
      if (this.field.read().trim()) this.scheduler.schedule();
    }

    edited() {
      this.card.hide();
      this.field.clear(); // offsets are stale until the next reply
      this.spans = [];
      this.scheduler.schedule();
    }

    relint() {
      this.scheduler.schedule(0);
    }

    show(reply) {
      this.reply = reply;
      this.card.hide();
      if (!reply.ok) {
        this.setFindings(reply.text, []);
        if (reply.offline) this.badge.showOffline();
        else this.badge.showError(reply.error);
      } else {
        if (!reply.text.trim()) this.ignored.clear(); // posted or cleared: what comes next is a new draft
        const findings = reply.findings
          .map((finding) => ({ ...finding, matched: reply.text.slice(finding.offset, finding.offset + finding.length) }))
          .filter((finding) => !this.ignored.has(ignoreKey(finding)));
        this.setFindings(reply.text, findings);
        if (reply.text.trim()) this.badge.showFindings(findings);
        else this.badge.hide();
      }
      this.place();
    }

    setFindings(text, findings) {
      this.findings = findings;
      this.spans = findings.filter((f) => f.scope !== "draft" && f.length > 0).sort((a, b) => a.offset - b.offset);
      this.field.paint(text, this.spans);
      this.onCount();
    }

    // Shows every finding under the click (several rules may flag the same words).
    clicked(event) {
      const hits = this.spans.flatMap((finding, i) => {
        const rect = this.field.rects(i).find((r) => within(r, event.clientX, event.clientY));
        return rect ? [{ finding, rect }] : [];
      });
      if (hits.length) this.card.show(hits.map((hit) => hit.finding), hits[0].rect, this.actions());
    }

    openList() {
      if (this.findings.length) this.card.show(this.findings, this.badge.rect(), this.actions());
    }

    actions() {
      const then = (step) => (...args) => {
        this.card.hide();
        step(...args);
      };
      return {
        apply: then(async (finding, replacement) => {
          await Rapport.applySuggestion(this.field, finding, replacement);
          this.edited(); // not every editor reports its change with an input event
        }),
        ignore: then((finding) => {
          this.ignored.add(ignoreKey(finding));
          this.show(this.reply); // the card closes on any edit, so that reply is still the draft's
        }),
        disableRule: then((finding) => Rapport.prefs.disableRule(finding)),
        pauseSite: then(() => Rapport.prefs.pauseSite()),
      };
    }

    requestPlace() {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.place();
      });
    }

    place() {
      this.badge.place(this.element.getBoundingClientRect());
      this.field.place();
    }

    destroy() {
      for (const [target, type, listener, options] of this.listeners) target.removeEventListener(type, listener, options);
      this.resizeObserver.disconnect();
      this.mutations.disconnect();
      cancelAnimationFrame(this.frame);
      this.scheduler.cancel();
      this.field.destroy();
      this.badge.destroy();
      this.findings = [];
    }
  };
}
