{
  // The small pill at the composer's bottom-right corner: finding count, clean, or offline.
  Rapport.Badge = class {
    constructor(ui, onClick) {
      this.button = document.createElement("button");
      this.button.className = "badge";
      this.button.type = "button";
      this.button.hidden = true;
      this.button.addEventListener("mousedown", (event) => event.preventDefault()); // keep the editor focused
      this.button.addEventListener("click", onClick);
      ui.layer.append(this.button);
    }

    showFindings(findings) {
      const worst = Rapport.worstSeverity(findings.map((f) => f.severity));
      this.set(findings.length ? "count" : "clean", findings.length ? String(findings.length) : "✓", worst);
      this.button.title = findings.length ? `Rapport: ${findings.length} hint(s), click to review` : "Rapport: no hints";
    }

    showOffline() {
      this.set("offline", "Rapport offline");
      this.button.title = "The Rapport service is not reachable; retrying in the background";
    }

    showError(error) {
      this.set("offline", "Rapport error");
      this.button.title = error?.message ?? "The Rapport service refused the draft";
    }

    hide() {
      this.button.hidden = true;
    }

    set(state, label, severity) {
      this.button.dataset.state = state;
      this.button.dataset.severity = severity ?? "";
      this.button.textContent = label;
      this.button.hidden = false;
    }

    place(rect) {
      const own = this.button.getBoundingClientRect();
      this.button.style.left = `${rect.right - own.width - 4}px`;
      this.button.style.top = `${rect.bottom - own.height - 4}px`;
    }

    rect() {
      return this.button.getBoundingClientRect();
    }

    destroy() {
      this.button.remove();
    }
  };
}
