{
  // One composer's underlines, badge and live region, in a top-layer host of their own. Underlines are
  // boxes drawn from the text's client rects, cut to the part of the composer that really shows.
  Rapport.Overlay = class {
    constructor(element) {
      this.element = element;
      this.ui = new Rapport.UiHost("overlay");
      this.lines = document.createElement("div");
      this.lines.className = "lines";
      this.live = document.createElement("div");
      this.live.className = "live";
      this.live.setAttribute("role", "status");
      this.live.setAttribute("aria-live", "polite");
      this.ui.root.append(this.lines, this.live);
      this.ui.attach(element);
    }

    get root() {
      return this.ui.root;
    }

    // items: [{ finding, rects }], rects in viewport coordinates.
    paint(items) {
      this.ui.attach(this.element); // the page may have moved or dropped our host
      const clip = Rapport.clipRect(this.element, true);
      Object.assign(this.lines.style, {
        left: `${clip.left}px`, top: `${clip.top}px`, width: `${clip.right - clip.left}px`, height: `${clip.bottom - clip.top}px`,
      });
      // The worst severity is drawn last, on top, where several rules flag the same words.
      const ordered = [...items].sort((a, b) => Rapport.severityRank(a.finding.severity) - Rapport.severityRank(b.finding.severity));
      const boxes = ordered.flatMap(({ finding, rects }) =>
        rects.filter((rect) => rect.width >= 1 && Rapport.rectShows(this.element, rect)).map((rect) => {
          const line = document.createElement("div");
          line.className = "line";
          line.dataset.severity = Rapport.knownSeverity(finding.severity);
          line.dataset.words = finding.matched; // only inside our closed root, for tests and dev tools
          Object.assign(line.style, {
            left: `${rect.left - clip.left}px`, top: `${rect.top - clip.top}px`, width: `${rect.width}px`, height: `${rect.height}px`,
          });
          return line;
        }));
      this.lines.replaceChildren(...boxes);
    }

    announce(text) {
      if (this.live.textContent !== text) this.live.textContent = text;
    }

    destroy() {
      this.ui.destroy();
    }
  };
}
