"""firefox-esr driven over its built-in WebDriver BiDi server (no geckodriver), with the extension
installed as a temporary add-on."""
import contextlib
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from websockets.sync.client import connect

from .chromium import EXTENSION
from .hints import CENTRE_SCRIPT

FIREFOX = "/usr/bin/firefox-esr"


class BiDiFirefox:
    """Use as `with BiDiFirefox() as firefox:`; `firefox.call(method, **params)`. Synchronous, because
    Playwright's sync API already runs an event loop in the test thread."""

    def __init__(self, managed: dict | None = None):
        """`managed`: settings for chrome.storage.managed, given to Firefox as a managed-storage manifest
        in the home folder of this Firefox alone (~/.mozilla/managed-storage/<gecko id>.json)."""
        if not Path(FIREFOX).exists():
            raise RuntimeError(f"{FIREFOX} missing: install Debian's firefox-esr (make browsers)")
        self._profile = tempfile.TemporaryDirectory(prefix="rapport-firefox-")
        self._home = tempfile.TemporaryDirectory(prefix="rapport-firefox-home-")
        if managed is not None:
            folder = Path(self._home.name) / ".mozilla" / "managed-storage"
            folder.mkdir(parents=True)
            (folder / f"{managed['name']}.json").write_text(json.dumps(managed), encoding="utf-8")
        self._ids = itertools.count(1)

    def __enter__(self):
        self.process = subprocess.Popen(
            [FIREFOX, "--headless", "--no-remote", "--profile", self._profile.name, "--remote-debugging-port", "0"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "HOME": self._home.name},
        )
        self._closing = contextlib.ExitStack()
        self.socket = self._closing.enter_context(connect(f"{self._bidi_address()}/session", max_size=None))
        self.call("session.new", capabilities={})
        return self

    def _bidi_address(self) -> str:
        for line in self.process.stderr:
            match = re.search(r"WebDriver BiDi listening on (ws://\S+)", line)
            if match:
                # Keep draining stderr, or a chatty Firefox blocks on a full pipe.
                threading.Thread(target=self.process.stderr.read, daemon=True).start()
                return match.group(1)
        raise RuntimeError("firefox exited before its BiDi server started")

    def call(self, method: str, **params):
        command_id = next(self._ids)
        self.socket.send(json.dumps({"id": command_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") != command_id:
                continue  # events
            if message.get("type") == "error":
                raise RuntimeError(f"{method}: {message['error']}: {message.get('message')}")
            return message["result"]

    def install_extension(self, service_url: str) -> None:
        """Installs a copy of the extension whose default service address is `service_url`: BiDi may not
        open moz-extension:// pages, so the options page cannot be used to point it at the test service."""
        copy = Path(self._profile.name).parent / f"{Path(self._profile.name).name}-extension"
        shutil.copytree(EXTENSION, copy)
        defaults = copy / "shared" / "defaults.js"
        text, count = re.subn(r'DEFAULT_SERVICE_URL = "[^"]*"', f"DEFAULT_SERVICE_URL = {json.dumps(service_url)}",
                              defaults.read_text(encoding="utf-8"))
        assert count == 1, "extension/shared/defaults.js no longer defines DEFAULT_SERVICE_URL as a string"
        defaults.write_text(text, encoding="utf-8")
        self._extension_copy = copy
        self.call("webExtension.install", extensionData={"type": "path", "path": str(copy)})

    def evaluate(self, context: str, expression: str):
        result = self.call(
            "script.evaluate", expression=expression, target={"context": context}, awaitPromise=True
        )
        if result["type"] == "exception":
            raise RuntimeError(result["exceptionDetails"]["text"])
        return result["result"].get("value")

    def apply(self, context: str, function: str, args: tuple):
        """What `function`, a script function called with `args`, returns, passed through JSON."""
        return json.loads(self.evaluate(context, f"JSON.stringify(({function})(...{json.dumps(args)}))"))

    def _closed_roots(self, context: str) -> list:
        """[host, shadow root] node references for our hosts: BiDi serialises closed shadow roots too."""
        nodes = self.call(
            "script.evaluate", expression='[...document.querySelectorAll("*")].filter((e) => e.localName.startsWith("rapport-"))',
            target={"context": context}, awaitPromise=False, resultOwnership="root",
            serializationOptions={"maxDomDepth": 1, "includeShadowTree": "all"},
        )["result"]["value"]
        return [{"type": "array", "value": [{"sharedId": node["sharedId"]}, {"sharedId": node["value"]["shadowRoot"]["sharedId"]}]}
                for node in nodes if node["value"].get("shadowRoot")]

    def ui_apply(self, context: str, script: str, *args):
        """What `script(shadowOf, ...args)` returns (through JSON), `shadowOf` reaching our closed roots."""
        result = self.call(
            "script.callFunction", target={"context": context}, awaitPromise=True,
            functionDeclaration=f"(pairs, args) => JSON.stringify(({script})((host) => new Map(pairs).get(host), ...JSON.parse(args)))",
            arguments=[{"type": "array", "value": self._closed_roots(context)}, {"type": "string", "value": json.dumps(args)}],
        )
        if result["type"] == "exception":
            raise RuntimeError(result["exceptionDetails"]["text"])
        return json.loads(result["result"]["value"])

    def ui_wait_for(self, context: str, script: str, *args, timeout: float = 15):
        """Polls ui_apply(script) until it returns something truthy; returns that (or the last falsy value)."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.ui_apply(context, script, *args)
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.2)

    def click_point(self, context: str, point: dict) -> None:
        """A real pointer click at `point` ({x, y})."""
        steps = [{"type": "pointerMove", "x": round(point["x"]), "y": round(point["y"])},
                 {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]
        self.call("input.performActions", context=context, actions=[{"type": "pointer", "id": "mouse", "actions": steps}])

    def click(self, context: str, point_script: str, *args) -> None:
        """A real pointer click at the {x, y} that `point_script`, a page function called with `args`, returns."""
        self.click_point(context, self.apply(context, point_script, args))

    def click_ui(self, context: str, selector: str, text: str = "") -> None:
        """A real click on our element matching `selector` (and `text`), inside its closed shadow root."""
        point = self.ui_wait_for(context, CENTRE_SCRIPT, selector, text)
        assert point, f"nothing of ours matches {selector} {text!r}"
        self.click_point(context, point)

    def wait_for(self, context: str, script: str, *args, timeout: float = 15):
        """Polls `script`, a function called with `args`, until it returns something truthy; returns that."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.apply(context, script, args)
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.2)

    def type_text(self, context: str, text: str) -> None:
        actions = [step for char in text for step in ({"type": "keyDown", "value": char}, {"type": "keyUp", "value": char})]
        self.call("input.performActions", context=context, actions=[{"type": "key", "id": "keyboard", "actions": actions}])

    def press(self, context: str, *keys: str) -> None:
        """Keys held down together, then released (WebDriver key values: "\ue009" is Control)."""
        actions = [{"type": "keyDown", "value": key} for key in keys] + [{"type": "keyUp", "value": key} for key in reversed(keys)]
        self.call("input.performActions", context=context, actions=[{"type": "key", "id": "keyboard", "actions": actions}])

    def __exit__(self, *exc):
        self._closing.close()
        self.process.terminate()
        self.process.wait(timeout=15)
        shutil.rmtree(getattr(self, "_extension_copy", ""), ignore_errors=True)
        self._profile.cleanup()
        self._home.cleanup()
