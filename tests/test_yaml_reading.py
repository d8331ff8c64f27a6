"""Rules files may use YAML's merge keys and tagged scalars: such a file reads as the same file written
out plainly."""
from __future__ import annotations

from rules import Linter, load_pack
from rules.model import Rule
from tests.conftest import MINIMAL_RULE

FANCY = """\
version: !!str t
rules:
  - <<: [{id: shouty}, {category: campaign-only}]
    severity: !!str warning
    message: Too loud.
    when:
      exclamations: {at_least: !!int "3"}
    examples:
      flag: ["Wow!!!"]
      pass: ["Wow."]
"""


def _meaning(rule: Rule) -> tuple:
    return (rule.id, rule.category, rule.severity, rule.message, rule.condition,
            [example.text for example in rule.flag_examples + rule.pass_examples])


def test_merge_keys_and_tags_read_as_the_plain_file(rules_file):
    plain = load_pack(rules_file(f'version: "t"\nrules:\n{MINIMAL_RULE}', name="plain.yaml"))
    fancy = load_pack(rules_file(FANCY, name="fancy.yaml"))
    assert [_meaning(rule) for rule in fancy.rules] == [_meaning(rule) for rule in plain.rules]
    linter = Linter(fancy)
    try:
        assert linter.lint("Wow!!!").fired == {"shouty"}
    finally:
        linter.close()
