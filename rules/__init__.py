"""Rapport's rule engine: a rules file loaded, compiled onto durable-rules, and run on drafts.

The flow, one subpackage per step:
    loading/    rules.yaml and the packs it extends -> a checked RulePack (model.py)
    measuring/  a draft -> its features: counts, phrase matches with spans, readability
    deciding/   the `when` language, compiled onto durable-rules, which decides what fires
    linting.py  Linter: measure, decide, turn fired rules into findings
    rewriting/  suggestion templates filled from the draft, one hint per problem, rewrites applied
    reports/    a pack's examples run, and why each rule fired or not

This module is the interface the service, the command line, the benchmarks and the tests use.
"""
from .linting import Finding, Linter, LintResult, Replacement
from .loading.packs import load_pack
from .loading.sources import SourceFile, Stamp, being_written, current_stamp
from .measuring.features import warm_up
from .model import BROADCAST_FAMILIES, Example, Problem, Rule, RulePack, RulesError, Suggestion
from .paths import DEFAULT_PACK, SCHEMA_PATH
from .reports.examples import ExampleResult, run_examples
from .reports.explain import RuleExplanation, TestResult, explain
from .rewriting.applying import apply_first, content_words, kept_tokens, whole_post
from .rewriting.hints import Hint, hints

__all__ = [
    "BROADCAST_FAMILIES", "DEFAULT_PACK", "SCHEMA_PATH", "Example", "ExampleResult", "Finding", "Hint", "LintResult",
    "Linter", "Problem", "Replacement", "Rule", "RuleExplanation", "RulePack", "RulesError", "SourceFile", "Stamp",
    "Suggestion", "TestResult", "apply_first", "being_written", "content_words", "current_stamp", "explain", "hints",
    "kept_tokens", "load_pack", "run_examples", "warm_up", "whole_post",
]
