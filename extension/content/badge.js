{
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  // The small pill at the composer's bottom-right corner: finding count, clean, or offline.
  Rapport.Badge = class {
    constructor(root, onClick) {
      this.button = document.createElement("button");
      this.button.className = "badge";
      this.button.type = "button";
      this.button.hidden = true;
      this.button.addEventListener("mousedown", (event) => event.preventDefault()); // keep the editor focused
      this.button.addEventListener("click", Rapport.trusted(onClick));
      root.append(this.button);
    }

    // `notChecked`: what the service left unchecked ([{reason: "language", language: "de", rules}]); a draft
    // without findings then shows that rather than a clean tick it has not earned.
    showFindings(findings, notChecked = []) {
      const unchecked = notChecked.find((item) => item.reason === "language");
      if (!findings.length && unchecked) {
        this.set("unchecked", "not checked: language");
        this.label(`Rapport: not checked, the rules do not read this language (${unchecked.language})`);
        return;
      }
      const worst = Rapport.worstSeverity(findings.map((f) => f.severity));
      this.set(findings.length ? "count" : "clean", findings.length ? String(findings.length) : "✓", worst);
      this.label(findings.length ? `Rapport: ${Rapport.problems(findings.length)}, open the list` : "Rapport: no problems");
    }

    showOffline() {
      this.set("offline", "Rapport offline");
      this.label("The Rapport service is not reachable; retrying in the background");
    }

    showError(error) {
      this.set("offline", error?.code === "needs_permission" ? "Rapport: allow access" : "Rapport error");
      this.label(error?.message ?? "The Rapport service refused the draft");
    }

    label(text) {
      this.button.title = text;
      this.button.setAttribute("aria-label", text);
    }

    hide() {
      this.button.hidden = true;
    }

    set(state, text, severity) {
      this.button.dataset.state = state;
      this.button.dataset.severity = severity ?? "";
      this.button.textContent = text;
      this.button.hidden = false;
    }

    // Inside the bottom-right corner of the part of the composer that is in view (a composer wider than
    // its frame still gets its badge), or just below it if the text reaches that corner (as in composers
    // without padding); hidden where the page clips or covers it.
    place(composer, textRects) {
      if (this.button.hidden) return;
      const rect = composer.getBoundingClientRect();
      const clip = Rapport.clipRect(composer, false);
      const { width, height } = this.button.getBoundingClientRect();
      const left = Math.min(rect.right, clip.right) - width - 4;
      let top = Math.min(rect.bottom, clip.bottom) - height - 4;
      const at = (y) => ({ left, top: y, right: left + width, bottom: y + height });
      if (textRects.some((line) => overlaps(line, at(top)))) top = rect.bottom + 4;
      const own = at(top);
      const clipped = own.left < clip.left || own.top < clip.top || own.right > clip.right || own.bottom > clip.bottom;
      this.button.style.left = `${left}px`;
      this.button.style.top = `${top}px`;
      this.button.style.visibility = !clipped && Rapport.rectShows(composer, own, true) ? "visible" : "hidden";
    }

    rect() {
      return this.button.getBoundingClientRect();
    }
  };

  Rapport.problems = (count) => `${count} problem${count === 1 ? "" : "s"}`;
}
