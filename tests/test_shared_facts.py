"""Facts the extension (JavaScript) and the service (Python) both hold, held equal: platform ids, the
port, the loopback hosts, the draft size limit, the rule id pattern, and the message types between the
extension's parts."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from rules import DEFAULT_PACK, SCHEMA_PATH, Linter, load_pack
from server import contract
from server.config import DEFAULT_PORT, Config

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "extension"
SENT = re.compile(r"runtime\.sendMessage\(\{\s*type:\s*\"([\w-]+)\"")
SENT_TO_TABS = re.compile(r"tabs\.sendMessage\([^,]+,\s*\{\s*type:\s*\"([\w-]+)\"")
HANDLED_IN_TABS = re.compile(r"message\?\.type === \"([\w-]+)\"")


@pytest.fixture(scope="module")
def extension() -> dict:
    done = subprocess.run(["node", "--experimental-detect-module", str(ROOT / "tests" / "extension_facts.mjs"),
                           str(ROOT)], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def sources(folder: str = "") -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in (EXTENSION / folder).rglob("*.js"))


def test_every_platform_the_extension_names_is_one_the_default_pack_knows(extension):
    platforms = set(load_pack(DEFAULT_PACK).platforms)
    assert set(extension["platforms"]) == platforms
    assert set(extension["sitePlatforms"].values()) | {extension["otherSites"]} <= platforms
    assert extension["otherSites"] == "generic"


def test_the_default_address_is_the_service_default(extension):
    url = urlsplit(extension["serviceUrl"])
    assert (url.scheme, url.port) == ("http", DEFAULT_PORT) and url.hostname in extension["loopbackHosts"]


def test_loopback_hosts_agree_with_the_service_and_the_manifest(extension):
    assert set(extension["loopbackHosts"]) <= set(Config.ALLOWED_HOSTS or ())
    manifest = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["host_permissions"] == [f"http://{host}/*" for host in extension["loopbackHosts"]]
    assert manifest["optional_host_permissions"] == ["https://*/*"]  # team servers, asked for at run time


def test_the_background_refuses_drafts_the_service_would_refuse(extension):
    assert extension["maxDraftBytes"] == Config.MAX_DRAFT_BYTES


def test_rule_ids_the_background_accepts_are_the_schema_slugs(extension):
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert extension["ruleIdPattern"] == schema["$defs"]["slug"]["pattern"]


def test_the_extension_reads_every_field_of_a_hint_the_service_gives(extension):
    linter = Linter(load_pack(DEFAULT_PACK))
    try:
        answer = contract.lint_result(linter.lint("RT to win a £50 voucher!!! #giveaway #win"))
    finally:
        linter.close()
    assert answer["hints"] and all(list(hint) == extension["hintFields"] for hint in answer["hints"])


def test_every_message_sent_has_a_handler_and_a_checked_shape(extension):
    sent = set(SENT.findall(sources()))
    assert sent == set(extension["handledMessages"]) == set(extension["checkedMessages"])


def test_every_message_to_the_tabs_is_one_the_content_scripts_handle():
    assert set(SENT_TO_TABS.findall(sources("background"))) <= set(HANDLED_IN_TABS.findall(sources("content")))
    assert set(SENT_TO_TABS.findall(sources("background")))


def test_managed_settings_are_settings_the_extension_has(extension):
    schema = json.loads((EXTENSION / "managed_schema.json").read_text(encoding="utf-8"))["properties"]
    assert set(schema) - {"lockedOptions"} <= set(extension["settings"])
    assert set(schema["lockedOptions"]["items"]["enum"]) == set(extension["settings"])
