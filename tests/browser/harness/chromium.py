"""Debian's Chromium with the unpacked extension, driven by Playwright (no `playwright install`)."""
import base64
import hashlib
import json
import tempfile
from pathlib import Path

EXTENSION = Path(__file__).resolve().parents[3] / "extension"
# The real binary: the /usr/bin/chromium wrapper adds flags of its own, including an empty --load-extension=.
CHROMIUM = "/usr/lib/chromium/chromium"


def extension_id_from_key() -> str:
    """Chromium's id for the manifest "key": first 32 hex digits of sha256(DER key), 0-f mapped to a-p."""
    der = base64.b64decode(json.loads((EXTENSION / "manifest.json").read_text())["key"])
    return "".join(chr(ord("a") + int(digit, 16)) for digit in hashlib.sha256(der).hexdigest()[:32])


class ExtensionBrowser:
    """A persistent headless context with the extension loaded, plus an extension page for storage access."""

    def __init__(self, playwright):
        _require_chromium()
        self._profile = tempfile.TemporaryDirectory(prefix="rapport-chromium-")
        self.context = playwright.chromium.launch_persistent_context(
            self._profile.name,
            executable_path=CHROMIUM,
            headless=True,
            # Playwright passes --disable-extensions by default, which keeps the service worker from starting.
            ignore_default_args=["--disable-extensions"],
            args=[
                f"--disable-extensions-except={EXTENSION}",
                f"--load-extension={EXTENSION}",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
            viewport={"width": 900, "height": 700},
        )
        worker = self.context.service_workers[0] if self.context.service_workers else self.context.wait_for_event("serviceworker")
        self.id = worker.url.split("/")[2]
        # Extension pages can use chrome.storage and chrome.action, and unlike the worker they are never stopped.
        self.control = self.context.new_page()
        self.control.goto(self.url("options/options.html"))

    def url(self, path: str) -> str:
        return f"chrome-extension://{self.id}/{path}"

    def reset(self, service_url: str) -> None:
        """Forget every preference and point the extension at `service_url`."""
        self.control.evaluate(
            "url => chrome.storage.local.clear().then(() => chrome.storage.local.set({ serviceUrl: url }))",
            service_url,
        )

    def storage(self) -> dict:
        return self.control.evaluate("() => chrome.storage.local.get(null)")

    def toolbar_count(self, url: str) -> str:
        """The toolbar badge of the tab showing `url` (what the popup reports as its finding count)."""
        return self.control.evaluate(
            "async url => chrome.action.getBadgeText({ tabId: (await chrome.tabs.query({ url }))[0].id })", url
        )

    def close(self) -> None:
        self.context.close()
        self._profile.cleanup()


def plain_browser(playwright):
    """Debian's Chromium without the extension, for pages that stand alone (the audit's HTML report)."""
    _require_chromium()
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                      args=["--disable-background-networking", "--disable-component-update",
                                            "--no-first-run"])


def _require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} missing: install Debian's chromium (make browsers)")
