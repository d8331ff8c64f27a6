"""Evaluates script in the extension's content-script world of a Chromium page, through CDP.

Our UI is in closed shadow roots: page script and Playwright's locators cannot reach it. The extension's
own isolated world can (chrome.dom.openOrClosedShadowRoot), and CDP lists that world as an execution
context of type "isolated" named after the extension. Tests read what is shown there and then act with
real mouse and keyboard input at the coordinates they read.
"""
import json
import time

from playwright.sync_api import Page

EXTENSION_NAME = "Rapport"


class ContentWorld:
    def __init__(self, page: Page):
        self.page = page
        self._contexts: dict[str, int] = {}  # frameId -> id of our isolated context in it
        self.session = page.context.new_cdp_session(page)
        self.session.on("Runtime.executionContextCreated", self._created)
        self.session.on("Runtime.executionContextDestroyed", self._destroyed)
        self.session.on("Runtime.executionContextsCleared", lambda _: self._contexts.clear())
        self.session.send("Runtime.enable")

    def _created(self, event: dict) -> None:
        context = event["context"]
        aux = context.get("auxData", {})
        if aux.get("type") == "isolated" and context.get("name") == EXTENSION_NAME:
            self._contexts[aux["frameId"]] = context["id"]

    def _destroyed(self, event: dict) -> None:
        gone = event["executionContextId"]
        self._contexts = {frame: context for frame, context in self._contexts.items() if context != gone}

    def _frame_id(self, url: str | None) -> str:
        tree = self.session.send("Page.getFrameTree")["frameTree"]
        if url is None:
            return tree["frame"]["id"]
        pending = [tree]
        while pending:
            node = pending.pop()
            if node["frame"]["url"] == url:
                return node["frame"]["id"]
            pending.extend(node.get("childFrames", []))
        raise LookupError(f"no frame at {url}")

    def evaluate(self, function: str, *args, frame: str | None = None):
        """`function` (JavaScript source) called with `args` in our world of the frame at URL `frame`."""
        deadline = time.monotonic() + 10
        while True:
            context = self._contexts.get(self._frame_id(frame))
            if context is not None:
                break
            if time.monotonic() > deadline:
                raise TimeoutError("the extension's content scripts never ran in this frame")
            self.page.wait_for_timeout(50)
        result = self.session.send("Runtime.evaluate", {
            "expression": f"({function})(...{json.dumps(args)})",
            "contextId": context, "returnByValue": True, "awaitPromise": True,
        })
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise RuntimeError(details.get("exception", {}).get("description") or details["text"])
        return result["result"].get("value")

    def wait_for(self, function: str, *args, frame: str | None = None, timeout: float = 10):
        """Polls until `function` returns something truthy; returns it (or raises on timeout)."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(function, *args, frame=frame)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"still falsy after {timeout} s: {function[:200]}")
            self.page.wait_for_timeout(50)

    def detach(self) -> None:
        self.session.detach()
