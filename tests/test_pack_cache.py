"""Packs remembered between commands (rules/loading/pack_cache.py): served only for the very files they
were built from, ignored when damaged, and never needed: with the cache off or unwritable, the same pack."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from rules import DEFAULT_PACK, Linter, RulePack, current_stamp, load_pack
from rules.loading import builder, pack_cache
from tests.conftest import MINIMAL_RULE

RULES = f'version: "t"\nrules:\n{MINIMAL_RULE}'
TEAM = 'version: "team"\nextends: base.yaml\n'


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("RAPPORT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths of the packs built from their files (rather than taken from the cache)."""
    built: list[Path] = []
    real = builder.build_pack

    def counting(path: Path, sources: list) -> RulePack:
        built.append(path)
        return real(path, sources)
    monkeypatch.setattr(builder, "build_pack", counting)
    return built


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _messages(pack: RulePack) -> list[str]:
    return [rule.message for rule in pack.rules]


def test_an_unchanged_pack_is_built_once_and_lints_the_same(cache: Path, builds: list[Path]) -> None:
    built, remembered = load_pack(DEFAULT_PACK), load_pack(DEFAULT_PACK)
    assert builds == [DEFAULT_PACK]
    drafts = [example.text for rule in built.rules for example in (*rule.flag_examples, *rule.pass_examples)]
    fresh, cached = Linter(built), Linter(remembered)
    try:
        for text in drafts:
            expected, got = fresh.lint(text), cached.lint(text)
            assert got.features == expected.features, text
            assert [(f.rule.id, f.message, f.span, f.suggestions) for f in got.findings] == \
                   [(f.rule.id, f.message, f.span, f.suggestions) for f in expected.findings], text
    finally:
        fresh.close()
        cached.close()
    assert remembered.version == built.version and remembered.sources == built.sources


def test_a_changed_file_is_built_again(cache: Path, tmp_path: Path) -> None:
    rules = _write(tmp_path / "rules.yaml", RULES)
    assert _messages(load_pack(rules)) == ["Too loud."]
    before = os.stat(rules)
    _write(rules, RULES.replace("Too loud.", "Too long."))  # as long as before, and dated as before
    os.utime(rules, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert _messages(load_pack(rules)) == ["Too long."]


def test_a_changed_extended_file_is_built_again(cache: Path, tmp_path: Path, builds: list[Path]) -> None:
    base = _write(tmp_path / "base.yaml", RULES)
    team = _write(tmp_path / "team.yaml", TEAM)
    assert _messages(load_pack(team)) == ["Too loud."]
    before = os.stat(base)
    _write(base, RULES.replace("Too loud.", "Too long."))
    os.utime(base, ns=(before.st_atime_ns, before.st_mtime_ns))
    changed = load_pack(team)
    assert _messages(changed) == ["Too long."]
    assert [source.path for source in changed.sources] == [team, base]
    assert _messages(load_pack(team)) == ["Too long."] and builds == [team, team]


def test_a_remembered_pack_carries_its_files_as_read_now(cache: Path, tmp_path: Path, builds: list[Path]) -> None:
    base = _write(tmp_path / "base.yaml", RULES)
    team = _write(tmp_path / "team.yaml", TEAM)
    load_pack(team)
    os.utime(base, ns=(1, 1))  # a watcher compares these stamps with the files on disk
    os.utime(team, ns=(2, 2))
    pack = load_pack(team)
    assert builds == [team]
    assert [source.stamp for source in pack.sources] == [current_stamp(team), current_stamp(base)]


@pytest.mark.parametrize("damage", [lambda data: data[:len(data) // 2], lambda data: data[:40] + b"\xff" * 64,
                                    lambda data: b"", lambda data: data[:-1]])
def test_a_damaged_entry_is_ignored(cache: Path, tmp_path: Path, builds: list[Path], damage) -> None:
    rules = _write(tmp_path / "rules.yaml", RULES)
    load_pack(rules)
    [entry] = cache.glob("pack-*")
    entry.write_bytes(damage(entry.read_bytes()))
    assert _messages(load_pack(rules)) == ["Too loud."]
    assert builds == [rules, rules]
    assert _messages(load_pack(rules)) == ["Too loud."] and len(builds) == 2  # the entry is whole again


def test_an_entry_others_may_write_is_not_read(cache: Path, tmp_path: Path, builds: list[Path]) -> None:
    rules = _write(tmp_path / "rules.yaml", RULES)
    load_pack(rules)
    [entry] = cache.glob("pack-*")
    entry.chmod(0o662)  # a pickle runs code as it loads: only this user's own entries are trusted
    load_pack(rules)
    assert builds == [rules, rules]


def test_with_the_cache_off_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               builds: list[Path]) -> None:
    monkeypatch.setenv("RAPPORT_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    rules = _write(tmp_path / "rules.yaml", RULES)
    assert _messages(load_pack(rules)) == _messages(load_pack(rules)) == ["Too loud."]
    assert builds == [rules, rules]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["rules.yaml"]


def test_a_folder_that_cannot_be_written_only_means_building(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             builds: list[Path]) -> None:
    blocked = _write(tmp_path / "a-file", "")
    monkeypatch.setenv("RAPPORT_CACHE_DIR", str(blocked / "cache"))
    rules = _write(tmp_path / "rules.yaml", RULES)
    assert _messages(load_pack(rules)) == _messages(load_pack(rules)) == ["Too loud."]
    assert builds == [rules, rules]


def test_the_folder_keeps_the_newest_entries_only(cache: Path, tmp_path: Path) -> None:
    for index in range(pack_cache.MAX_ENTRIES + 3):
        rules = _write(tmp_path / f"rules{index}.yaml", RULES)
        load_pack(rules)
        _write(rules, RULES.replace("Too loud.", "Too long."))
        assert _messages(load_pack(rules)) == ["Too long."]  # an edited file's entry replaces the one before
    assert len(list(cache.glob("pack-*"))) == pack_cache.MAX_ENTRIES


def test_a_pack_remembered_by_other_code_is_built_again(cache: Path, tmp_path: Path, builds: list[Path],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    rules = _write(tmp_path / "rules.yaml", RULES)
    load_pack(rules)
    # Another version of Rapport, PyYAML or Python: the pickle may not even hold the same classes.
    monkeypatch.setattr(pack_cache, "_builder_digest", lambda: b"another version")
    load_pack(rules)
    assert builds == [rules, rules]
