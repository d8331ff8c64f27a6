{
  // Our UI lives in closed shadow roots, so page scripts can neither read findings nor press our buttons,
  // and page CSS cannot restyle it. Each host is a manual popover: in the top layer it is neither clipped
  // nor stacked under the page's own layers (we hide what the page covers ourselves, see visibility.js).
  // Hosts sit inside the composer's modal <dialog> if it has one, since everything outside it is inert.
  const HOST_STYLE = [
    "position: fixed", "inset: 0 auto auto 0", "width: 0", "height: 0", "margin: 0", "padding: 0", "border: 0",
    "overflow: visible", "background: transparent", "pointer-events: none", "color-scheme: normal",
  ].map((declaration) => `${declaration} !important`).join("; ");

  const dialogAround = (element) => {
    for (let node = element; node; node = Rapport.parentOf(node)) if (node.localName === "dialog") return node;
    return null;
  };

  Rapport.UiHost = class {
    constructor(name) {
      this.host = document.createElement(`rapport-${name}`);
      this.host.setAttribute("style", HOST_STYLE);
      this.host.popover = "manual";
      const shadow = this.host.attachShadow({ mode: "closed" });
      const style = document.createElement("style");
      style.textContent = Rapport.UI_STYLE;
      this.root = document.createElement("div");
      this.root.className = "root";
      shadow.append(style, this.root);
    }

    // (Re)attaches next to `element`'s modal dialog or at the document's end, in the top layer.
    attach(element) {
      const container = dialogAround(element) ?? document.documentElement;
      if (this.host.parentNode !== container) container.append(this.host);
      if (!this.host.matches(":popover-open")) this.host.showPopover();
      this.root.dataset.theme = Rapport.themeFor(element);
    }

    // Brings this host above top-layer elements shown since (a site's dialog opened later).
    raise() {
      if (this.host.matches(":popover-open")) this.host.hidePopover();
      this.host.showPopover();
    }

    contains(node) {
      return node === this.host || this.root.contains(node);
    }

    destroy() {
      this.host.remove();
    }
  };
}
