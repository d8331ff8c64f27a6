{
  const GAP = 6;

  const button = (className, label, onClick) => {
    const element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = label;
    // Cancelling mousedown keeps focus and selection in the editor, so the fix lands where it should.
    element.addEventListener("mousedown", (event) => event.preventDefault());
    element.addEventListener("click", onClick);
    return element;
  };

  // The hint card: one or more findings with their suggestions and actions.
  // `actions` = { apply(finding, replacement), ignore(finding), disableRule(finding), pauseSite() }.
  Rapport.Card = class {
    constructor(ui) {
      this.element = document.createElement("div");
      this.element.className = "card";
      this.element.hidden = true;
      this.element.addEventListener("mousedown", (event) => event.preventDefault());
      ui.layer.append(this.element);
    }

    get open() {
      return !this.element.hidden;
    }

    show(findings, anchor, actions) {
      const items = findings.map((finding) => this.item(finding, actions));
      const footer = document.createElement("div");
      footer.className = "footer";
      footer.append(button("pause", "Pause on this site", () => actions.pauseSite()));
      this.element.replaceChildren(...items, footer);
      this.element.hidden = false;
      this.place(anchor);
    }

    item(finding, actions) {
      const element = document.createElement("div");
      element.className = "finding";
      element.dataset.rule = finding.rule;
      element.dataset.severity = finding.severity;
      const message = document.createElement("p");
      message.className = "message";
      message.textContent = finding.message;
      const suggestions = document.createElement("div");
      suggestions.className = "suggestions";
      for (const suggestion of finding.suggestions ?? []) {
        if (typeof suggestion.replacement === "string") {
          const label = suggestion.replacement || `Remove "${finding.matched}"`;
          const fix = button("suggestion", label, () => actions.apply(finding, suggestion.replacement));
          fix.title = suggestion.message;
          fix.dataset.replacement = suggestion.replacement;
          suggestions.append(fix);
        } else {
          const hint = document.createElement("span");
          hint.className = "hint";
          hint.textContent = suggestion.message;
          suggestions.append(hint);
        }
      }
      const controls = document.createElement("div");
      controls.className = "actions";
      controls.append(
        button("ignore", "Ignore", () => actions.ignore(finding)),
        button("disable-rule", "Turn rule off", () => actions.disableRule(finding)),
      );
      element.append(message, suggestions, controls);
      return element;
    }

    // Below the anchor if it fits, else above; always inside the viewport.
    place(anchor) {
      const own = this.element.getBoundingClientRect();
      const below = anchor.bottom + GAP;
      const top = below + own.height <= innerHeight ? below : Math.max(GAP, anchor.top - own.height - GAP);
      const left = Math.min(Math.max(GAP, anchor.left), innerWidth - own.width - GAP);
      this.element.style.top = `${top}px`;
      this.element.style.left = `${left}px`;
    }

    hide() {
      this.element.hidden = true;
      this.element.replaceChildren();
    }
  };
}
