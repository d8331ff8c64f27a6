"""Rapport's rule engine: rules.yaml loaded, compiled onto durable-rules, and run on drafts."""
from .linter import Finding, Linter, LintResult
from .loader import load_pack
from .pack import Problem, Rule, RulePack, RulesError
from .readability import warm_up

__all__ = ["Finding", "Linter", "LintResult", "Problem", "Rule", "RulePack", "RulesError", "load_pack", "warm_up"]
