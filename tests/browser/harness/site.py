"""Builds the fixture pages' editor bundles when stale and serves the fixtures over loopback HTTP."""
import functools
import http.server
import subprocess
import threading
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DIST = FIXTURES / "dist"
BUNDLES = ["draft.js", "lexical.js", "quill.js", "prosemirror.js"]
# Every editor the extension supports, each a fixture page `<name>.html` whose `window.fixtureModelText()`
# reads the editor's own model; COMPOSER finds its editor (the first match: nested or not).
EDITORS = ["textarea", "contenteditable", "draft", "lexical", "quill", "prosemirror"]
COMPOSER = '#composer, [contenteditable="true"]'
# Edits closer together than this share one undo step in some fixture editor (ProseMirror: 500 ms).
UNDO_MERGE_S = 0.6


def _newest_input() -> float:
    inputs = [*FIXTURES.joinpath("src").iterdir(), FIXTURES / "package.json", FIXTURES / "package-lock.json"]
    return max(path.stat().st_mtime for path in inputs)


def ensure_bundles() -> None:
    if not (FIXTURES / "node_modules").is_dir():
        raise RuntimeError(f"npm packages missing: run `make browsers` (npm ci in {FIXTURES})")
    outputs = [DIST / name for name in BUNDLES]
    if all(path.exists() for path in outputs) and min(p.stat().st_mtime for p in outputs) >= _newest_input():
        return
    subprocess.run(["npm", "run", "--silent", "build"], cwd=FIXTURES, check=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@functools.cache
def _handler(directory: Path):
    return functools.partial(_QuietHandler, directory=str(directory))


class FixtureSite:
    """Serves tests/browser/fixtures on a free loopback port in a background thread."""

    def __init__(self):
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(FIXTURES))
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def page(self, name: str) -> str:
        return f"{self.url}/{name}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
