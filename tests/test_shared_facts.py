"""Facts the extension (JavaScript) and the service (Python) both hold, held equal: platform ids, the
port, the loopback hosts, and the message types between the extension's parts."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from rules import DEFAULT_PACK, load_pack
from server.config import DEFAULT_PORT, Config

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "extension"
SENT = re.compile(r"sendMessage\(\{\s*type:\s*\"([\w-]+)\"")


@pytest.fixture(scope="module")
def extension() -> dict:
    done = subprocess.run(["node", "--experimental-detect-module", str(ROOT / "tests" / "extension_facts.mjs"),
                           str(ROOT)], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def test_every_platform_the_extension_names_is_one_the_default_pack_knows(extension):
    platforms = set(load_pack(DEFAULT_PACK).platforms)
    assert set(extension["sitePlatforms"].values()) | {extension["otherSites"]} <= platforms
    assert extension["otherSites"] == "generic"


def test_the_default_address_is_the_service_default(extension):
    url = urlsplit(extension["serviceUrl"])
    assert (url.scheme, url.port) == ("http", DEFAULT_PORT) and url.hostname in extension["loopbackHosts"]


def test_loopback_hosts_agree_with_the_service_and_the_manifest(extension):
    assert set(extension["loopbackHosts"]) <= set(Config.ALLOWED_HOSTS or ())
    manifest = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["host_permissions"] == [f"http://{host}/*" for host in extension["loopbackHosts"]]


def test_every_message_sent_has_a_handler_and_every_handler_is_used(extension):
    sent = {match for path in EXTENSION.rglob("*.js") for match in SENT.findall(path.read_text(encoding="utf-8"))}
    assert sent == set(extension["handledMessages"])
