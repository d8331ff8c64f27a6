"""Python's reading of a condition (used to choose underlines and for explain's yes/no) agrees with
durable-rules, which decides what fires, on generated conditions and feature values."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rules import Rule
from rules.deciding.conditions import Condition, Group, Leaf, branches, leaves
from rules.deciding.engine import RULE_BOUNDS, CompiledRules

KINDS = {"c1": "count", "c2": "count", "n1": "number", "f1": "flag", "platform": "name"}
VALUES = {"count": st.integers(0, 4), "number": st.sampled_from([-10.5, 0.0, 3.0, 29.9, 30.0, 80.25]),
          "flag": st.booleans(), "name": st.sampled_from(["generic", "x", "linkedin"])}
ORDERED = ("eq", "ne", "ge", "gt", "le", "lt")


@st.composite
def leaf(draw) -> Leaf:
    feature = draw(st.sampled_from(sorted(KINDS)))
    kind = KINDS[feature]
    op = draw(st.sampled_from(ORDERED if kind in ("count", "number") else ("eq", "ne")))
    return Leaf(feature, op, draw(VALUES[kind]))


def _grow(children: st.SearchStrategy[Condition]) -> st.SearchStrategy[Condition]:
    group = st.builds(Group, st.sampled_from(["all", "any"]), st.lists(children, min_size=1, max_size=3).map(tuple))
    return group | group.map(lambda g: g.negated())  # `not:` as the parser builds it


conditions = st.recursive(leaf(), _grow, max_leaves=8).filter(
    lambda c: len(leaves(c)) <= RULE_BOUNDS.tests and branches(c) <= RULE_BOUNDS.alternatives)
values = st.fixed_dictionaries({name: VALUES[kind] for name, kind in KINDS.items()})


def _rule(index: int, condition: Condition) -> Rule:
    return Rule(f"r{index}", "c", "info", "m", condition, "phrase", (), (), (), "generated.yaml", index + 1)


@settings(max_examples=150, deadline=None)
@given(st.lists(conditions, min_size=1, max_size=6), st.lists(values, min_size=1, max_size=4))
def test_python_and_the_engine_agree_on_what_holds(generated, drafts):
    rules = [_rule(i, condition) for i, condition in enumerate(generated)]
    engine = CompiledRules(rules)
    try:
        for draft in drafts:
            assert engine.fired(draft) == {rule.id for rule in rules if rule.condition.holds(draft)}, draft
    finally:
        engine.close()
