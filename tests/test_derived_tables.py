"""A table made from other packages' files is used only while those files are the ones it was made from,
and a check that passed is remembered rather than hashing the files on every start."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from rules.measuring import derived_tables

PARAMETERS = ("en", 3000)


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RAPPORT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "words.txt"
    path.write_text("the of and\n", encoding="utf-8")
    return path


def test_a_table_is_used_while_its_files_and_parameters_are_unchanged(source: Path, tmp_path: Path) -> None:
    table = tmp_path / "table.marshal"
    derived_tables.write(table, (source,), PARAMETERS, {"the": 1})
    assert derived_tables.load(table, (source,), PARAMETERS) == {"the": 1}
    assert derived_tables.load(table, (source,), ("en", 5000)) is None


def test_a_changed_file_is_noticed_though_it_passed_before(source: Path, tmp_path: Path) -> None:
    table = tmp_path / "table.marshal"
    derived_tables.write(table, (source,), PARAMETERS, {"the": 1})
    assert derived_tables.load(table, (source,), PARAMETERS) == {"the": 1}
    time.sleep(0.05)  # past the file system's clock tick, as any later upgrade is
    source.write_text("das die an\n", encoding="utf-8")  # same size, another upgrade's bytes
    assert derived_tables.load(table, (source,), PARAMETERS) is None


def test_an_edit_that_puts_the_modification_time_back_is_noticed(source: Path, tmp_path: Path) -> None:
    table = tmp_path / "table.marshal"
    derived_tables.write(table, (source,), PARAMETERS, {"the": 1})
    assert derived_tables.load(table, (source,), PARAMETERS) == {"the": 1}
    before = source.stat()
    time.sleep(0.05)
    source.write_text("das die an\n", encoding="utf-8")
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or `touch -r` would
    assert derived_tables.load(table, (source,), PARAMETERS) is None


def test_a_check_remembered_by_a_file_others_may_write_is_made_again(source: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "table.marshal"
    derived_tables.write(table, (source,), PARAMETERS, {"the": 1})
    assert derived_tables.load(table, (source,), PARAMETERS) == {"the": 1}
    (stamp,) = (tmp_path / "cache").iterdir()
    stamp.chmod(0o666)
    hashed = []
    real = derived_tables.digests
    monkeypatch.setattr(derived_tables, "digests", lambda sources: hashed.append(1) or real(sources))
    assert derived_tables.load(table, (source,), PARAMETERS) == {"the": 1} and hashed


def test_a_check_that_passed_is_not_hashed_again(source: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "table.marshal"
    derived_tables.write(table, (source,), PARAMETERS, {"the": 1})
    assert derived_tables.load(table, (source,), PARAMETERS) == {"the": 1}
    monkeypatch.setattr(derived_tables, "digests", lambda sources: pytest.fail("hashed the files again"))
    assert derived_tables.load(table, (source,), PARAMETERS) == {"the": 1}


def test_with_caches_off_the_files_are_hashed_every_time_and_nothing_is_written(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORT_CACHE_DIR", "")
    table = tmp_path / "table.marshal"
    derived_tables.write(table, (source,), PARAMETERS, {"the": 1})
    hashed = []
    real = derived_tables.digests
    monkeypatch.setattr(derived_tables, "digests", lambda sources: hashed.append(1) or real(sources))
    for _ in range(2):
        assert derived_tables.load(table, (source,), PARAMETERS) == {"the": 1}
    assert len(hashed) == 2 and not (tmp_path / "cache").exists()


def test_a_missing_or_corrupt_table_is_not_used(source: Path, tmp_path: Path) -> None:
    table = tmp_path / "table.marshal"
    assert derived_tables.load(table, (source,), PARAMETERS) is None
    table.write_bytes(b"\x00not marshal")
    assert derived_tables.load(table, (source,), PARAMETERS) is None
