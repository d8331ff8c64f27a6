"""Smoke test in firefox-esr: the same extension tree installs and hints a textarea."""
import json
import time

from drafts import SPAMMY
from harness.firefox import BiDiFirefox
from harness.hints import span_texts

MARKS = """(() => {
  const root = document.querySelector("rapport-ui")?.shadowRoot;
  if (!root) return null;
  const marks = [...new Set([...root.querySelectorAll(".mirror mark")].map((m) => m.textContent))].sort();
  return JSON.stringify({ marks, badge: root.querySelector(".badge:not([hidden])")?.textContent ?? null });
})()"""


def _hints_in_firefox(site_url: str, service_url: str, text: str) -> dict:
    with BiDiFirefox() as firefox:
        firefox.install_extension(service_url)
        context = (firefox.call("browsingContext.getTree"))["contexts"][0]["context"]
        firefox.call("browsingContext.navigate", context=context, url=site_url, wait="complete")
        firefox.evaluate(context, "document.getElementById('composer').focus()")
        firefox.type_text(context, text)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            shown = firefox.evaluate(context, MARKS)
            if shown and json.loads(shown)["badge"]:
                return json.loads(shown)
            time.sleep(0.2)
        raise AssertionError(f"no hint in Firefox; last state: {shown}")


def test_firefox_hints_textarea(site, service):
    shown = _hints_in_firefox(site.page("textarea.html"), service.url, SPAMMY)
    expected = service.lint(SPAMMY)
    assert shown == {"marks": span_texts(expected), "badge": str(len(expected))}
