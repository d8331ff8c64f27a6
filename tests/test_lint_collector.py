"""A lint pauses Python's cycle collector while it runs and leaves it as it found it."""
from __future__ import annotations

import gc

import pytest

from rules import Linter


def test_a_lint_leaves_the_collector_on_when_it_was_on_even_when_it_fails(linter):
    closed = Linter(linter.pack)
    closed.close()
    assert gc.isenabled()
    linter.lint("RT to win!")
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        closed.lint("RT to win!")  # a closed rule set refuses to lint
    assert gc.isenabled()


def test_a_lint_leaves_the_collector_off_when_the_host_turned_it_off(linter):
    gc.disable()
    try:
        linter.lint("RT to win!")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_lint_leaves_no_cycles_for_the_collector(linter):
    # What makes pausing it free: a lint's objects go as soon as the result does, even a pattern match's.
    gc.collect()
    gc.disable()
    try:
        linter.lint("Retweet and follow us to win a £50 voucher! Tag 3 friends 👇 " * 20)
        assert gc.collect() == 0
    finally:
        gc.enable()
