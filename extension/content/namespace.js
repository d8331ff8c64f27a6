// Content scripts are classic scripts sharing one isolated world; each later file (manifest order)
// adds its part to this namespace inside a block, so their top-level names never collide.
globalThis.Rapport = {};

// Events a page script dispatches (untrusted) never drive the extension.
Rapport.trusted = (listener) => (event) => {
  if (event.isTrusted) listener(event);
};

// The parent in the flat tree: out of a shadow root to its host.
Rapport.parentOf = (node) => node.parentElement ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);
