{
  const within = (rect, x, y) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
  // By rule and words, not offset, so an ignore survives edits elsewhere in the draft.
  const ignoreKey = (finding) => `${finding.rule}\u0000${finding.matched}`;
  // Input only a person makes: a page can focus() a field (focus events are always trusted), not press keys.
  const ARMING = ["pointerdown", "keydown", "paste", "drop"];
  const RECHECK_MS = 500; // layout can move a composer without any event we hear of

  // One composer: edits -> scheduler -> painted hints, badge and card, and the card's actions.
  // It only lints after a real interaction with it, so a page cannot make it send text of the page's choosing.
  Rapport.Composer = class {
    constructor(element, { card, notices }) {
      this.element = element;
      this.card = card;
      this.notices = notices;
      this.overlay = new Rapport.Overlay(element);
      this.field = Rapport.fieldFor(element, this.overlay.root);
      this.text = this.field.read(); // the text `findings` refer to
      this.findings = []; // shown findings, each with the `matched` text it was linted on
      this.linted = null; // the text of the latest reply shown
      this.rewrite = null; // the whole-post rewrite of the text shown ({ before, after }), while it is current
      this.ignored = new Set(); // ignoreKey()s for this draft only: a new draft is checked afresh
      this.armed = false;
      this.badge = new Rapport.Badge(this.overlay.root, () => this.openList(false));
      this.scheduler = new Rapport.LintScheduler(() => this.field.read(), (reply) => this.show(reply));
      this.frame = 0;

      const place = () => this.requestPaint();
      const arm = Rapport.trusted(() => this.arm());
      this.listeners = [
        ...ARMING.map((type) => [element, type, arm, true]),
        [element, "input", Rapport.trusted(() => this.edited())], // textarea and input: their value is not in the DOM
        [element, "click", Rapport.trusted((event) => this.clicked(event))],
        [element, "scroll", place],
        [window, "scroll", place, { capture: true, passive: true }],
        [window, "resize", place],
      ];
      for (const [target, type, listener, options] of this.listeners) target.addEventListener(type, listener, options);
      this.resizeObserver = new ResizeObserver(place);
      this.resizeObserver.observe(element);
      // Rich editors apply many edits from their own key handlers (Ctrl+A, Delete; Enter in some), so
      // no input event comes; every edit changes their DOM. Re-renders that keep the text are not edits.
      this.mutations = new MutationObserver(() => this.edited());
      this.mutations.observe(element, { childList: true, subtree: true, characterData: true });
      this.recheck = setInterval(() => this.findings.length && this.paint(), RECHECK_MS);
    }

    arm() {
      if (this.armed) return;
      this.armed = true;
      if (this.field.read().trim()) this.scheduler.schedule(0, true);
    }

    // Underlines move with the edit at once (no waiting for the service); the reply corrects them.
    edited() {
      const text = this.field.read();
      if (text === this.text) return;
      this.findings = Rapport.carryFindings(this.findings, this.text, text);
      this.text = text;
      this.rewrite = null; // made for the text before this edit
      this.card.hide();
      this.paint();
      if (this.armed) this.scheduler.schedule();
    }

    // Ignores `finding` (its rule on these words) for the rest of this draft.
    ignore(finding) {
      this.ignored.add(ignoreKey(finding));
      this.present(this.findings.filter((f) => ignoreKey(f) !== ignoreKey(finding)));
    }

    relint() {
      if (this.armed) this.scheduler.schedule(0, false);
    }

    get upToDate() {
      return this.linted === this.field.read() && !this.scheduler.pending;
    }

    checkNow() {
      return this.scheduler.now();
    }

    errors() {
      return this.findings.filter((finding) => finding.severity === "error");
    }

    show(reply) {
      this.card.hide();
      const current = this.field.read();
      this.linted = reply.text;
      this.text = current;
      this.rewrite = reply.ok && reply.rewrite?.before === current ? reply.rewrite : null;
      this.notChecked = reply.ok ? reply.notChecked ?? [] : [];
      if (!reply.ok) {
        this.present([]);
        if (reply.offline) this.badge.showOffline();
        else this.badge.showError(reply.error);
        return;
      }
      if (!reply.text.trim()) this.ignored.clear(); // posted or cleared: what comes next is a new draft
      const findings = reply.findings
        .map((finding) => ({ ...finding, matched: reply.text.slice(finding.offset, finding.offset + finding.length) }))
        .filter((finding) => !this.ignored.has(ignoreKey(finding)));
      this.present(Rapport.carryFindings(findings, reply.text, current));
    }

    // Shows `findings` on the current text: underlines, badge, and "3 problems" for screen readers.
    present(findings) {
      this.findings = findings;
      const drafting = Boolean(this.text.trim());
      if (!drafting) this.badge.hide();
      else this.badge.showFindings(findings, this.notChecked);
      this.overlay.announce(drafting ? Rapport.problems(findings.length) : ""); // said only when it changes
      this.paint();
      this.onCount?.();
    }

    spans() {
      return this.findings.filter((f) => f.scope !== "draft" && f.length > 0).sort((a, b) => a.offset - b.offset);
    }

    rectsOf(finding, measure = this.field.measure()) {
      return Rapport.lineRects(this.text, finding.offset, finding.offset + finding.length, measure);
    }

    paint() {
      const measure = this.field.measure();
      this.overlay.paint(this.spans().map((finding) => ({ finding, rects: this.rectsOf(finding, measure) })));
      this.badge.place(this.element, measure(0, this.text.length));
      if (this.card.open) this.card.place();
    }

    requestPaint() {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.paint();
      });
    }

    // Shows every finding under the click (several rules may flag the same words).
    clicked(event) {
      const measure = this.field.measure();
      const hits = this.spans().filter((finding) => this.rectsOf(finding, measure).some((r) => within(r, event.clientX, event.clientY)));
      if (hits.length) this.openCard(hits, false);
    }

    openList(keyboard) {
      if (this.findings.length) this.openCard(this.findings, keyboard, () => this.badge.rect());
    }

    // The card for `findings`, anchored to the first one's words, every line of them (or the badge for
    // draft-wide ones).
    openCard(findings, keyboard, anchor) {
      const first = findings.find((finding) => finding.scope !== "draft");
      const words = () => (this.findings.includes(first) ? Rapport.around(this.rectsOf(first)) : null);
      this.card.show({ findings, anchor: anchor ?? (first ? words : () => this.badge.rect()), composer: this, actions: this.actions(), keyboard });
    }

    // Keyboard: "open-hint" at the caret, "next-hint" / "previous-hint" from the open card or the caret.
    command(name) {
      const spans = this.spans();
      if (!spans.length) return this.openList(true);
      const open = this.card.shown?.composer === this;
      const target = Rapport.hintFor(name, spans, open ? this.current : this.field.caret()[0], open);
      this.current = target.offset;
      this.openCard(spans.filter((f) => f.offset === target.offset && f.length === target.length), true);
    }

    review(errors) {
      this.reviewed = this.field.read();
      this.openCard(errors, true);
    }

    postButton() {
      return Rapport.postButtonFor(this.element);
    }

    actions() {
      return Rapport.cardActions(this);
    }

    destroy() {
      for (const [target, type, listener, options] of this.listeners) target.removeEventListener(type, listener, options);
      this.resizeObserver.disconnect();
      this.mutations.disconnect();
      clearInterval(this.recheck);
      cancelAnimationFrame(this.frame);
      this.scheduler.cancel();
      if (this.card.shown?.composer === this) this.card.hide();
      this.field.destroy();
      this.overlay.destroy();
      this.findings = [];
    }
  };
}
