"""Where the files Rapport ships with the engine are, in a checkout and in an installed wheel alike."""
from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
PACKAGE_DIR = _HERE  # the engine's own code and data
# In a checkout this is a link to the repository's rules.yaml, which it resolves to; a wheel
# carries a copy of that file here.
DEFAULT_PACK = (_HERE / "default_pack.yaml").resolve()
SCHEMA_PATH = _HERE / "schema.json"
