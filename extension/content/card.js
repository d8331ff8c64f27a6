{
  Rapport.ruleName = (rule) => rule.replaceAll("-", " ");

  // Before and after of a hint's first fix: the flagged words struck out, the rewrite beside them
  // (for a whole-draft hint, the sentence it adds).
  Rapport.preview = (finding, replacement) => {
    const element = document.createElement("p");
    element.className = "preview";
    const before = document.createElement("del");
    before.textContent = finding.matched;
    const after = document.createElement("ins");
    after.textContent = replacement.trim() || "(removed)";
    if (finding.scope !== "draft" && finding.matched) element.append(before, " → ");
    element.append(after);
    return element;
  };

  // The guideline a finding rests on, opened in a new tab; only https links, as the rules schema allows.
  Rapport.policyButton = (link) => {
    let url;
    try {
      url = typeof link === "string" ? new URL(link) : null;
    } catch {
      return null;
    }
    if (url?.protocol !== "https:") return null;
    const button = Rapport.button("policy", `Policy: ${url.hostname}`, () => window.open(url.href, "_blank", "noopener,noreferrer"));
    button.title = url.href;
    button.dataset.link = url.href;
    return button;
  };

  // The hint card: a labelled dialog listing findings with their suggestions and actions. Only one is
  // open per frame. It follows its words as the page scrolls and closes once they leave the view.
  // show() takes { findings, anchor() -> rect | null, composer, actions, keyboard }, where
  // actions = { apply(finding, replacement), rewritePost(rewrite), ignore(finding), disableRule(finding, scope),
  // pauseSite() }. Each finding is a hint: one problem, with every rule it merges in `rules`.
  Rapport.Card = class {
    constructor() {
      this.ui = new Rapport.UiHost("card");
      // getRandomValues, not randomUUID: pages served over plain http are not secure contexts.
      this.ui.host.id = `rapport-card-${crypto.getRandomValues(new Uint32Array(2)).join("-")}`;
      this.panel = document.createElement("div");
      this.panel.className = "panel card";
      this.panel.setAttribute("role", "dialog");
      this.panel.setAttribute("aria-labelledby", "card-title"); // the editor's description then reads the whole card
      this.panel.hidden = true;
      this.panel.addEventListener("mousedown", (event) => event.preventDefault());
      this.ui.root.append(this.panel);
      this.shown = null;
    }

    get open() {
      return Boolean(this.shown);
    }

    contains(node) {
      return this.ui.contains(node);
    }

    show({ findings, anchor, composer, actions, keyboard }) {
      this.hide();
      const items = findings.map((finding, index) => this.item(finding, actions, `finding-${index}`));
      const footer = document.createElement("div");
      footer.className = "footer";
      const rewrite = composer.rewrite;
      if (rewrite) footer.append(Rapport.button("rewrite-post", "Rewrite whole post", () => actions.rewritePost(rewrite)));
      footer.append(Rapport.button("pause", "Pause on this site", () => actions.pauseSite()));
      const title = document.createElement("p");
      title.className = "title";
      title.id = "card-title";
      title.textContent = `Rapport: ${Rapport.problems(findings.length)}`;
      this.panel.replaceChildren(title, ...items, footer);
      this.ui.attach(composer.element);
      this.ui.raise();
      this.panel.hidden = false;
      this.shown = { anchor, composer, caret: composer.field.caret() };
      this.describe(composer.element, true);
      if (!this.place()) return;
      if (keyboard) this.buttons()[0]?.focus();
    }

    item(finding, actions, id) {
      const element = document.createElement("div");
      element.className = "finding";
      element.dataset.rule = finding.rule;
      element.dataset.rules = finding.rules.join(" "); // every rule this one problem merges
      element.dataset.severity = finding.severity;
      element.setAttribute("role", "group");
      element.setAttribute("aria-labelledby", id);
      const message = document.createElement("p");
      message.className = "message";
      message.id = id;
      message.textContent = finding.message;
      const suggestions = document.createElement("div");
      suggestions.className = "suggestions";
      const fix = (finding.suggestions ?? []).find((suggestion) => typeof suggestion.replacement === "string");
      const preview = fix ? Rapport.preview(finding, fix.replacement) : null;
      for (const suggestion of finding.suggestions ?? []) {
        if (typeof suggestion.replacement === "string") {
          const label = suggestion.replacement || `Remove "${finding.matched}"`;
          const fix = Rapport.button("suggestion", label, () => actions.apply(finding, suggestion.replacement));
          fix.title = suggestion.message;
          fix.dataset.replacement = suggestion.replacement;
          fix.setAttribute("aria-label", suggestion.replacement ? `Replace with: ${suggestion.replacement}` : label);
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
        Rapport.button("ignore", "Ignore", () => actions.ignore(finding)),
        Rapport.button("disable-site", "Off on this site", () => actions.disableRule(finding, "site")),
        Rapport.button("disable-rule", "Off everywhere", () => actions.disableRule(finding, "everywhere")),
      );
      const policy = Rapport.policyButton(finding.link);
      element.append(message, ...(preview ? [preview] : []), suggestions, ...(policy ? [policy] : []), controls);
      return element;
    }

    buttons() {
      return [...this.panel.querySelectorAll("button")];
    }

    // Follows the anchor; closes once it is gone or out of view. Returns whether the card is still open.
    place() {
      const anchor = this.shown?.anchor();
      if (!anchor || !Rapport.inView(anchor)) {
        this.hide();
        return false;
      }
      Rapport.placeBeside(this.panel, anchor);
      return true;
    }

    // Keys inside the card: arrows and Tab move between its buttons, Escape closes (handled by main.js).
    // Returns true when the key was used.
    key(event) {
      const moves = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Tab: event.shiftKey ? -1 : 1 };
      const buttons = this.buttons();
      const index = buttons.indexOf(this.ui.root.getRootNode().activeElement);
      if (event.key === "Home" || event.key === "End") {
        buttons.at(event.key === "Home" ? 0 : -1)?.focus();
        return true;
      }
      if (!(event.key in moves) || event.altKey || event.ctrlKey || event.metaKey) return false;
      buttons[(index + moves[event.key] + buttons.length) % buttons.length]?.focus();
      return true;
    }

    focusFirst() {
      this.buttons()[0]?.focus();
    }

    get hasFocus() {
      return Boolean(this.ui.root.getRootNode().activeElement);
    }

    // Closes; with `restore`, focus goes back to the editor with the caret where it was.
    hide({ restore = false } = {}) {
      if (!this.shown) return;
      const { composer, caret } = this.shown;
      const hadFocus = this.hasFocus;
      this.shown = null;
      this.describe(composer.element, false);
      this.panel.hidden = true;
      this.panel.replaceChildren();
      if (restore || hadFocus) composer.field.select(...caret);
    }

    // While open, the editor's accessible description is the card (IDREFs cannot reach into a shadow
    // root, so it points at our host, whose closed tree still forms the description).
    describe(editor, on) {
      const ids = (editor.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id && id !== this.ui.host.id);
      if (on) ids.push(this.ui.host.id);
      if (ids.length) editor.setAttribute("aria-describedby", ids.join(" "));
      else editor.removeAttribute("aria-describedby");
    }
  };
}
