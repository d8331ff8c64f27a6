{
  const DARK = matchMedia("(prefers-color-scheme: dark)");

  const channels = (colour) => colour.match(/[\d.]+/g)?.map(Number) ?? [];
  // Relative luminance (WCAG 2) of an rgb()/rgba() colour.
  const luminance = ([r, g, b]) => {
    const linear = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };

  // "dark" or "light" for our UI next to `element`: the page's own background under it decides; a page
  // that paints no background shows the browser's canvas, which follows prefers-color-scheme.
  Rapport.themeFor = (element) => {
    for (let node = element; node; node = Rapport.parentOf(node)) {
      const rgba = channels(getComputedStyle(node).backgroundColor);
      if (rgba.length >= 3 && (rgba[3] ?? 1) >= 0.5) return luminance(rgba) < 0.2 ? "dark" : "light";
    }
    return DARK.matches ? "dark" : "light";
  };
}
