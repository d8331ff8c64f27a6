// Content scripts are classic scripts sharing one isolated world; each later file (manifest order)
// adds its part to this namespace inside a block, so their top-level names never collide.
globalThis.Rapport = {};
