"""The quick shape check says yes exactly when jsonschema does: over the default pack and hundreds of
broken copies of a file that uses every part of the schema."""
from __future__ import annotations

import copy
import random
from typing import Any

import pytest
import yaml

from rules import DEFAULT_PACK
from rules.loading import document as rules_document
from rules.loading.quick_shape import compiled

# Rules of the default pack that between them use every key a rule and a suggestion can have.
SAMPLED_RULES = ("reward-for-sharing", "repeat-posting-incentive", "self-praise", "all-about-us",
                 "over-length-limit", "run-together-hashtag")
# Values that break some keyword or other: types, lengths, patterns, signs, duplicates.
ODD_VALUES = (None, True, 0, -1, 1.5, 3.0, "", "x" * 201, "Not A Slug", "any", "en", "info", "https://a b",
              [], ["en", "en"], ["en", 1], [True], {}, {"text": ""}, {"limit": "10"}, {"add": []},
              {"phrases": ["a"], "except": []}, {"message": "m", "replace": "r", "fix": "camel_case"})


def _sample() -> dict[str, Any]:
    pack = yaml.safe_load(DEFAULT_PACK.read_text(encoding="utf-8"))
    phrases = dict(list(pack["phrases"].items())[:3])
    phrases.update({name: value for name, value in pack["phrases"].items() if isinstance(value, dict)})
    phrases["extended"] = {"add": ["more"], "except": ["no more"]}
    return {
        "version": pack["version"], "extends": "base.yaml", "language": ["en", "de"],
        "platforms": pack["platforms"], "phrases": phrases,
        "vocabulary": [{"avoid": "utilize", "prefer": "use"},
                       {"avoid": ["leverage", "synergy"], "prefer": "use", "id": "house-leverage",
                        "message": "Plainer.", "category": "house-style", "severity": "info"}],
        "override": {"reward-for-sharing": {"severity": "info", "link": "https://example.invalid/x",
                                            "per_platform": {"x": {"severity": "error"}}}},
        "disable": ["self-praise"],
        "rules": [rule for rule in pack["rules"] if rule["id"] in SAMPLED_RULES],
    }


def _containers(node: Any, path: tuple = ()) -> list[tuple]:
    """The path of every mapping and list in `node`."""
    found = [path]
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        if isinstance(child, (dict, list)):
            found += _containers(child, (*path, key))
    return found


def _mutants(document: dict[str, Any], count: int, seed: int = 13) -> list[dict[str, Any]]:
    """Copies of `document`, each with one value replaced, one key or item removed, or one key added."""
    rng = random.Random(seed)
    paths = _containers(document)
    mutants = []
    for _ in range(count):
        mutant = copy.deepcopy(document)
        node = mutant
        for step in rng.choice(paths):
            node = node[step]
        if not node:
            continue
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key, action = rng.choice(keys), rng.randrange(3)
        if action == 0:
            node[key] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif action == 1:
            del node[key]
        elif isinstance(node, dict):
            node["colour"] = "red"
        else:
            node.append(copy.deepcopy(rng.choice(ODD_VALUES)))
        mutants.append(mutant)
    return mutants


@pytest.fixture(scope="module")
def checks() -> tuple[Any, Any]:
    quick = rules_document._quick_check()
    assert quick is not None, "the schema uses a keyword quick_shape.py does not check"
    return quick, rules_document._validator()


def test_the_default_pack_and_the_sample_pass(checks):
    quick, validator = checks
    for document in (yaml.safe_load(DEFAULT_PACK.read_text(encoding="utf-8")), _sample()):
        assert validator.is_valid(document) and quick(document)


def test_broken_copies_are_judged_as_jsonschema_judges_them(checks):
    quick, validator = checks
    mutants = _mutants(_sample(), 800)
    verdicts = [(quick(mutant), validator.is_valid(mutant)) for mutant in mutants]
    assert [n for n, (fast, slow) in enumerate(verdicts) if fast != slow] == []
    assert sum(not slow for _, slow in verdicts) > 100  # the mutations do break files


def test_a_keyword_it_does_not_know_leaves_every_file_to_jsonschema():
    assert compiled({"type": "object", "patternProperties": {"^x": {}}, "additionalProperties": False}) is None
    assert compiled({"type": "string", "format": "email"}) is None
    assert compiled({"enum": [1, "one"]}) is None


@pytest.mark.parametrize(("schema", "value"), [
    ({"oneOf": [{"type": "string"}, {"minLength": 1}]}, "ab"),  # both branches: not one of
    ({"oneOf": [{"type": "string"}, {"minLength": 1}]}, ""),
    ({"type": "integer", "minimum": 0}, 3.0),
    ({"type": "integer"}, True),
    ({"type": "number"}, False),
    ({"uniqueItems": True}, ["a", "b"]),
    ({"uniqueItems": True}, ["a", "a"]),
    ({"pattern": "b"}, "abc"),  # anywhere, as re.search
    ({"const": "any"}, "any"),
    ({"enum": ["info"]}, "warning"),
])
def test_keywords_answer_as_jsonschema_does(schema, value):
    import jsonschema

    assert compiled(schema)(value) == jsonschema.Draft202012Validator(schema).is_valid(value)
