{
  const DARK = matchMedia("(prefers-color-scheme: dark)");

  const channels = (colour) => colour.match(/[\d.]+/g)?.map(Number) ?? [];
  // Relative luminance (WCAG 2) of an rgb()/rgba() colour.
  const luminance = ([r, g, b]) => {
    const linear = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };

  // Whether the page lets the browser's canvas go dark (color-scheme: dark, or light dark).
  const pageAllowsDark = () =>
    /dark/.test(getComputedStyle(document.documentElement).colorScheme)
    || /dark/.test(document.querySelector('meta[name="color-scheme"]')?.content ?? "");

  // "dark" or "light" for our UI over and next to `element`: the page's own background under it decides,
  // so underlines keep their contrast; where the page paints none, the canvas shows, which follows
  // prefers-color-scheme if the page allows a dark canvas.
  Rapport.themeFor = (element) => {
    for (let node = element; node; node = Rapport.parentOf(node)) {
      const rgba = channels(getComputedStyle(node).backgroundColor);
      if (rgba.length >= 3 && (rgba[3] ?? 1) >= 0.5) return luminance(rgba) < 0.2 ? "dark" : "light";
    }
    return DARK.matches && pageAllowsDark() ? "dark" : "light";
  };
}
