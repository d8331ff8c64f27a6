"""Rapport's rule engine: a rules file loaded, compiled onto durable-rules, and run on drafts.

The flow, one subpackage per step:
    loading/    rules.yaml and the packs it extends -> a checked RulePack (model.py)
    measuring/  a draft -> its features: counts, phrase matches with spans, readability
    deciding/   the `when` language, compiled onto durable-rules, which decides what fires
    linting.py  Linter: measure, decide, turn fired rules into findings
    reports/    a pack's examples run, and why each rule fired or not

This module is the interface the service, the command line, the benchmarks and the tests use.
"""
from .linting import Finding, Linter, LintResult, Replacement
from .loading.builder import load_pack
from .loading.sources import SourceFile, Stamp, being_written, current_stamp
from .measuring.features import warm_up
from .model import BROADCAST_FAMILIES, Example, Problem, Rule, RulePack, RulesError, Suggestion
from .paths import DEFAULT_PACK, SCHEMA_PATH
from .reports.examples import ExampleResult, run_examples
from .reports.explain import RuleExplanation, TestResult, explain

__all__ = [
    "BROADCAST_FAMILIES", "DEFAULT_PACK", "SCHEMA_PATH", "Example", "ExampleResult", "Finding", "LintResult", "Linter", "Problem",
    "Replacement", "Rule", "RuleExplanation", "RulePack", "RulesError", "SourceFile", "Stamp", "Suggestion",
    "TestResult", "being_written", "current_stamp", "explain", "load_pack", "run_examples", "warm_up",
]
