"""Enterprise policy for one Chromium only: Debian's Chromium reads policy from /etc/chromium/policies,
so the browser is started in a private mount namespace where that folder holds the test's policy file
(nothing changes for the rest of the machine). Needs root and unshare(1), as on this project's machines."""
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from .chromium import CHROMIUM

WRAPPER = """#!/bin/sh
# Chromium with {policies} as /etc/chromium/policies, in a mount namespace of its own: a tmpfs hides the
# real /etc/chromium there (so nothing is created on the machine's disk) and the test's folder is bound in.
exec unshare --mount --propagation private sh -c '
  mount -t tmpfs tmpfs /etc/chromium && mkdir /etc/chromium/policies &&
  mount --bind "$0" /etc/chromium/policies && exec "$@"
' {policies} {chromium} "$@"
"""


def namespaces_work() -> bool:
    return shutil.which("unshare") is not None and subprocess.run(["unshare", "--mount", "true"], capture_output=True, check=False).returncode == 0


class PolicyChromium:
    """A Chromium executable (a wrapper script) that sees `policy` as its managed policy."""

    def __init__(self, policy: dict):
        self._folder = tempfile.TemporaryDirectory(prefix="rapport-policy-")
        folder = Path(self._folder.name)
        (folder / "policies" / "managed").mkdir(parents=True)
        (folder / "policies" / "managed" / "rapport.json").write_text(json.dumps(policy), encoding="utf-8")
        self.executable = folder / "chromium"
        self.executable.write_text(WRAPPER.format(policies=folder / "policies", chromium=CHROMIUM), encoding="utf-8")
        self.executable.chmod(0o755)

    def close(self) -> None:
        self._folder.cleanup()
