"""The README's rules example is a working rules file: it loads and its examples pass."""
from __future__ import annotations

import re
from pathlib import Path

from cli.main import main

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_rules_example_passes_check_rules(tmp_path, capsys):
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", README, re.S) if "rules:" in b)
    path = tmp_path / "rules.yaml"
    path.write_text(block, encoding="utf-8")
    assert main(["check-rules", str(path)]) == 0
    assert "ok   pay-to-share (2/2 examples)" in capsys.readouterr().out
