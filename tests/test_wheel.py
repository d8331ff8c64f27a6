"""The package as a user installs it: a wheel built from the checkout, in a fresh virtual environment,
run from an empty folder. Offline: the build and the install use only what is already here."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.child_process import free_port, stop_service, wait_healthy
from tests.http_calls import EXTENSION_ORIGIN, post_json

ROOT = Path(__file__).resolve().parent.parent
NOT_SOURCES = (".git", ".venv", "node_modules", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Iterator[Path]:
    """The bin/ folder of a fresh venv holding the wheel; its dependencies are borrowed from this one."""
    work = tmp_path_factory.mktemp("wheel")
    # A copy of the checkout as a fresh clone has it, so nothing left from an earlier build gets in.
    source = shutil.copytree(ROOT, work / "source", symlinks=True, ignore=shutil.ignore_patterns(*NOT_SOURCES))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "-q", "-w", str(work / "dist"), str(source)], check=True, capture_output=True)
    (wheel,) = (work / "dist").glob("rapport_lint-*.whl")
    env = work / "venv"
    venv.create(env, with_pip=False)
    site = Path(sysconfig.get_path("purelib", vars={"base": str(env), "platbase": str(env)}))
    # A .pth line adds this venv's packages (Flask, durable-rules, pip...) but not its .pth files, so the
    # editable install of the checkout is not active there: `rules` can only come from the wheel.
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run([env / "bin" / "python", "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True)
    yield env / "bin"


def _run(bin_dir: Path, cwd: Path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "RAPPORT_RULES")}
    return subprocess.run([bin_dir / "rapport", *argv], cwd=cwd, input=stdin, capture_output=True, text=True,
                          timeout=120, env=environment)


def test_the_wheel_carries_the_default_pack_and_its_schema(installed, tmp_path):
    where = subprocess.run([installed / "python", "-c", "import rules; print(rules.DEFAULT_PACK, rules.SCHEMA_PATH)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout.split()
    pack, schema = map(Path, where)
    assert ROOT not in pack.parents and pack.is_file() and not pack.is_symlink()
    assert pack.read_text(encoding="utf-8") == (ROOT / "rules.yaml").read_text(encoding="utf-8")
    assert schema.read_text(encoding="utf-8") == (ROOT / "rules" / "schema.json").read_text(encoding="utf-8")


SHIPPED_TABLES = """
from rules.measuring import derived_tables, language_table, pronunciation
for module, parameters in ((pronunciation, pronunciation.LANG), (language_table, language_table._PARAMETERS)):
    print(module.TABLE, derived_tables.load(module.TABLE, module._sources(), parameters) is not None)
"""


def test_the_wheel_carries_the_tables_a_lint_starts_from(installed, tmp_path):
    shipped = subprocess.run([installed / "python", "-c", SHIPPED_TABLES], cwd=tmp_path, capture_output=True,
                             text=True, check=True).stdout.split()
    tables, used = shipped[::2], shipped[1::2]
    assert all(ROOT not in Path(table).parents for table in tables) and len(tables) == 2
    assert used == ["True", "True"]  # the wheel's tables are loaded, not made from the packages' files again


def test_lint_and_check_rules_work_from_an_empty_folder(installed, tmp_path):
    lint = _run(installed, tmp_path, "lint", "-", stdin="RT to win a voucher\n")
    assert lint.returncode == 1 and "<stdin>:1:1: error [reward-for-sharing]" in lint.stdout, lint.stderr
    check = _run(installed, tmp_path, "check-rules")
    assert check.returncode == 0 and " 0 failed" in check.stdout, check.stdout + check.stderr


def test_serve_works_from_an_empty_folder(installed, tmp_path):
    port = free_port()
    process = subprocess.Popen([installed / "rapport", "serve", "--port", str(port)], cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_healthy(port, process, timeout=60)
        answer = post_json(f"http://127.0.0.1:{port}/v1/lint", {"text": "Do not reply."}, {"Origin": EXTENSION_ORIGIN})
        assert [f["rule"] for f in answer["findings"]] == ["replies-closed"]
    finally:
        stop_service(process)


def test_audit_writes_its_html_report_from_an_empty_folder(installed, tmp_path):
    (tmp_path / "posts.txt").write_text("RT to win a voucher\nThanks Jo, see you soon!\n", encoding="utf-8")
    audit = _run(installed, tmp_path, "audit", "posts.txt", "--html", "report.html")
    assert audit.returncode == 0 and "posts written            2" in audit.stdout, audit.stderr
    assert "<svg" in (tmp_path / "report.html").read_text(encoding="utf-8")  # the template came with the wheel
