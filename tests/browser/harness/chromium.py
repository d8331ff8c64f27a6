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

    def __init__(self, playwright, executable: str = CHROMIUM, extension: Path = EXTENSION):
        _require_chromium(executable)
        self._profile = tempfile.TemporaryDirectory(prefix="rapport-chromium-")
        self.context = playwright.chromium.launch_persistent_context(
            self._profile.name,
            executable_path=executable,
            headless=True,
            # Playwright passes --disable-extensions by default, which keeps the service worker from starting.
            ignore_default_args=["--disable-extensions"],
            args=[
                f"--disable-extensions-except={extension}",
                f"--load-extension={extension}",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                # Fixture pages can pose as a social site (x.com) and a team server (*.test) on loopback.
                "--host-resolver-rules=MAP x.com 127.0.0.1, MAP *.test 127.0.0.1",
            ],
            viewport={"width": 900, "height": 700},
        )
        worker = self.context.service_workers[0] if self.context.service_workers else self.context.wait_for_event("serviceworker")
        self.id = worker.url.split("/")[2]
        # Extension pages can use chrome.storage and chrome.action, and unlike the worker they are never stopped.
        self.control = self.context.new_page()
        self.control.goto(self.url("options/options.html"))
        # Chromium answers the first read of managed storage only once its policy service is up (~3 s here):
        # wait for it, as a browser that has been open a while would have.
        self.control.evaluate("() => chrome.storage.managed.get(null)")

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
    _require_chromium(CHROMIUM)
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                      args=["--disable-background-networking", "--disable-component-update",
                                            "--no-first-run"])


def _require_chromium(executable: str) -> None:
    if not Path(executable).exists():
        raise RuntimeError(f"{executable} missing: install Debian's chromium (make browsers)")
