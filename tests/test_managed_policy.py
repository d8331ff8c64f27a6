"""The example policies in docs/managed/ set exactly what extension/managed_schema.json describes, for
the extension's real ids (Chromium's from the manifest key, Firefox's gecko id)."""
import base64
import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "extension"
MANAGED = ROOT / "docs" / "managed"


def manifest() -> dict:
    return json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))


def chromium_id() -> str:
    der = base64.b64decode(manifest()["key"])
    return "".join(chr(ord("a") + int(digit, 16)) for digit in hashlib.sha256(der).hexdigest()[:32])


def settings_in(name: str) -> dict:
    document = json.loads((MANAGED / name).read_text(encoding="utf-8"))
    gecko = manifest()["browser_specific_settings"]["gecko"]["id"]
    return {
        "chromium-policy.json": lambda: document["3rdparty"]["extensions"][chromium_id()],
        "firefox-policies.json": lambda: document["policies"]["3rdparty"]["Extensions"][gecko],
        "firefox-managed-storage.json": lambda: document["data"] if document["name"] == gecko else {},
    }[name]()


@pytest.mark.parametrize("name", ["chromium-policy.json", "firefox-policies.json", "firefox-managed-storage.json"])
def test_example_policy_fits_the_schema(name):
    schema = json.loads((EXTENSION / "managed_schema.json").read_text(encoding="utf-8"))
    settings = settings_in(name)
    assert settings, f"{name} does not name the extension"
    jsonschema.validate(settings, {**schema, "additionalProperties": False})


def test_the_manifest_declares_the_schema():
    assert manifest()["storage"]["managed_schema"] == "managed_schema.json"
