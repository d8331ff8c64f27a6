{
  const TOAST_MS = 6000;
  const UNDONE_MS = 2500;

  // Short messages with an Undo (after "Off on this site", "Pause"), and the pre-publish confirmation.
  // They outlive composers: pausing a site removes every composer's UI but its toast stays to undo it.
  Rapport.Notices = class {
    constructor() {
      this.ui = new Rapport.UiHost("notice");
      this.toastPanel = this.panel("toast", "status");
      this.confirmPanel = this.panel("confirm", "alertdialog");
      this.confirmPanel.setAttribute("aria-label", "Rapport pre-publish check");
      this.timer = 0;
      this.confirmed = null;
    }

    panel(kind, role) {
      const element = document.createElement("div");
      element.className = `panel ${kind}`;
      element.setAttribute("role", role);
      element.hidden = true;
      this.ui.root.append(element);
      return element;
    }

    contains(node) {
      return this.ui.contains(node);
    }

    // A toast at the bottom of the view; `undo` adds an Undo button, which says "Undone" once pressed.
    toast(near, text, undo) {
      clearTimeout(this.timer);
      const message = document.createElement("span");
      message.textContent = text;
      const parts = [message];
      if (undo) {
        parts.push(Rapport.button("primary undo", "Undo", async () => {
          await undo();
          this.toast(near, "Undone");
        }));
      }
      this.toastPanel.replaceChildren(...parts);
      this.show(near, this.toastPanel);
      Object.assign(this.toastPanel.style, { left: "50%", top: "auto", bottom: "16px", transform: "translateX(-50%)" });
      this.timer = setTimeout(() => (this.toastPanel.hidden = true), undo ? TOAST_MS : UNDONE_MS);
    }

    show(near, panel) {
      this.ui.attach(near);
      this.ui.raise();
      panel.hidden = false;
    }

    // "2 problems: share to win, comments off" next to the Post button, with the choices given as
    // [{ label, run, primary }]. `onClose` runs when it closes without a choice.
    confirm({ near, anchor, summary, choices, onClose }) {
      const text = document.createElement("p");
      text.className = "summary";
      text.textContent = summary;
      const row = document.createElement("div");
      row.className = "choices";
      for (const choice of choices) {
        row.append(Rapport.button(choice.primary ? "primary" : "link", choice.label, () => {
          this.closeConfirm(false);
          choice.run();
        }));
      }
      this.confirmPanel.replaceChildren(text, row);
      this.confirmPanel.setAttribute("aria-description", summary);
      this.show(near, this.confirmPanel);
      Rapport.placeBeside(this.confirmPanel, anchor);
      this.confirmed = { onClose };
      row.querySelector("button")?.focus();
    }

    get confirming() {
      return Boolean(this.confirmed);
    }

    confirmKey(event) {
      const buttons = [...this.confirmPanel.querySelectorAll("button")];
      const index = buttons.indexOf(this.ui.root.getRootNode().activeElement);
      const step = { ArrowRight: 1, ArrowDown: 1, Tab: event.shiftKey ? -1 : 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (!step) return false;
      buttons[(index + step + buttons.length) % buttons.length]?.focus();
      return true;
    }

    closeConfirm(notify = true) {
      if (!this.confirmed) return;
      const { onClose } = this.confirmed;
      this.confirmed = null;
      this.confirmPanel.hidden = true;
      this.confirmPanel.replaceChildren();
      if (notify) onClose?.();
    }
  };
}
