"""JUnit XML for `rapport check-rules --junit` and `rapport lint --format junit`, the report format CI systems display."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from rules import ExampleResult, Problem


def examples_report(source: Path, results: Sequence[ExampleResult]) -> ET.ElementTree:
    """One test case per example, named by its rule; a failure says what was expected."""
    root, suite = _suite(source, len(results), failures=sum(not r.passed for r in results))
    for result in results:
        kind = "flag" if result.expect_flag else "pass"
        case = ET.SubElement(suite, "testcase", classname=result.rule.id,
                             name=f"{kind}: {result.example.text} ({result.example.platform})",
                             file=result.rule.file, line=str(result.example.line or result.rule.line))
        if not result.passed:
            ET.SubElement(case, "failure", message=result.describe(), type="example")
    return ET.ElementTree(root)


def problems_report(source: Path, problems: Sequence[Problem]) -> ET.ElementTree:
    """A rules file that does not load: each problem is an error CI shows with its location."""
    root, suite = _suite(source, len(problems), errors=len(problems))
    for problem in problems:
        case = ET.SubElement(suite, "testcase", classname=problem.rule or "rules-file", name=str(problem),
                             file=problem.file, line=str(problem.line or 0))
        ET.SubElement(case, "error", message=problem.message, type="rules")
    return ET.ElementTree(root)


@dataclass(frozen=True, slots=True)
class LintCase:
    source: str
    line: int
    findings: list[str]  # `line:column: severity [rule] message`, one a finding
    failing: list[str]  # the rules of the findings that fail the run


def lint_report(cases: Sequence[LintCase]) -> ET.ElementTree:
    """A suite per file and a test case per draft, failed when it has a failing finding; the findings
    are the failure's text, or the case's output when none fails."""
    root = ET.Element("testsuites", name="rapport lint", **_counts(len(cases), sum(bool(c.failing) for c in cases)))
    for source, group in groupby(cases, key=lambda case: case.source):
        drafts = list(group)
        suite = ET.SubElement(root, "testsuite", name=source, **_counts(len(drafts), sum(bool(c.failing) for c in drafts)))
        for case in drafts:
            element = ET.SubElement(suite, "testcase", classname=source, name=f"line {case.line}",
                                    file=source, line=str(case.line))
            if case.failing:
                ET.SubElement(element, "failure", message=", ".join(case.failing), type="lint").text = \
                    "\n".join(case.findings)
            elif case.findings:
                ET.SubElement(element, "system-out").text = "\n".join(case.findings)
    return ET.ElementTree(root)


def _counts(tests: int, failures: int = 0, errors: int = 0) -> dict[str, str]:
    return {"tests": str(tests), "failures": str(failures), "errors": str(errors)}


def _suite(source: Path, tests: int, failures: int = 0, errors: int = 0) -> tuple[ET.Element, ET.Element]:
    counts = _counts(tests, failures, errors)
    root = ET.Element("testsuites", name="rapport check-rules", **counts)
    return root, ET.SubElement(root, "testsuite", name=f"rules {source}", **counts)
