"""The output formats of `rapport lint`: text, JSON, and what CI systems read (GitHub workflow
commands, SARIF 2.1.0, reviewdog's rdjsonl, JUnit XML).

Findings are the API's (server/contract.py), placed in the file by cli/source_layout.py. Columns
are 1-based and count UTF-16 code units, as SARIF counts by default (`columnKind` says so) and as
the API's offsets do; rdjsonl counts UTF-8 bytes, as reviewdog's format defines.
"""
from __future__ import annotations

import json
import urllib.parse
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rules import LintResult, RulePack
from server import contract

from .drafts import Draft
from .source_layout import Position

if TYPE_CHECKING:
    from . import junit

JSON = dict[str, Any]
TOOL = "rapport"


@dataclass(frozen=True, slots=True)
class Located:
    finding: JSON  # as POST /v1/lint gives it
    start: Position
    end: Position
    fixes: tuple[tuple[str, str], ...]  # (the suggestion's message, its replacement as the file spells it)


def located(draft: Draft, result: LintResult, severities: Collection[str]) -> tuple[JSON, list[Located]]:
    """The draft's answer and its findings in the file, keeping only findings of `severities`."""
    answer = contract.lint_result(result)
    kept = [(item, shape) for item, shape in zip(result.findings, answer["findings"])
            if shape["severity"] in severities]
    answer["findings"] = [shape for _, shape in kept]
    return answer, [Located(shape, draft.position(item.span.start), draft.position(item.span.end),
                            _fixes(draft, shape)) for item, shape in kept]


def _fixes(draft: Draft, shape: JSON) -> tuple[tuple[str, str], ...]:
    written = ((s["message"], draft.as_written(s["replacement"])) for s in shape["suggestions"] if "replacement" in s)
    return tuple((message, text) for message, text in written if text is not None)


def _hint(shape: JSON) -> str:
    replacement = next((s["replacement"] for s in shape["suggestions"] if "replacement" in s), None)
    return f' -> "{replacement}"' if replacement else ""


@dataclass
class Report:
    """Takes each draft's findings as they come; `finish` writes what needs them all."""
    out: TextIO
    pack: RulePack
    failing: Collection[str]  # severities that fail the run

    def add(self, draft: Draft, answer: JSON, found: list[Located]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass


class TextReport(Report):
    def add(self, draft: Draft, answer: JSON, found: list[Located]) -> None:
        for item in found:
            shape = item.finding
            self.out.write(f"{draft.source}:{item.start.line}:{item.start.column}: {shape['severity']} "
                           f"[{shape['rule']}] {shape['message']}{_hint(shape)}\n")


class JsonReport(Report):
    def add(self, draft: Draft, answer: JSON, found: list[Located]) -> None:
        self.out.write(json.dumps({"source": draft.source, "line": draft.line} | answer) + "\n")


GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


class GithubReport(Report):
    """GitHub Actions workflow commands, which the runner turns into annotations on the file."""

    def add(self, draft: Draft, answer: JSON, found: list[Located]) -> None:
        for item in found:
            shape = item.finding
            where = {"file": draft.source, "line": item.start.line, "col": item.start.column}
            if item.end.line != item.start.line:
                where["endLine"] = item.end.line
            where["title"] = f"{TOOL} {shape['rule']}"
            properties = ",".join(f"{key}={_github_escape(str(value), True)}" for key, value in where.items())
            self.out.write(f"::{GITHUB_COMMANDS[shape['severity']]} {properties}::"
                           f"{_github_escape(shape['message'] + _hint(shape), False)}\n")


def _github_escape(value: str, is_property: bool) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if is_property else value


RDJSON_SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


class RdjsonlReport(Report):
    """reviewdog's Diagnostic Format, one diagnostic a line; suggestions replace the underlined text."""

    def add(self, draft: Draft, answer: JSON, found: list[Located]) -> None:
        for item in found:
            shape = item.finding
            span = {"start": _rd_position(item.start), "end": _rd_position(item.end)}
            self.out.write(json.dumps({
                "message": shape["message"], "location": {"path": draft.source, "range": span},
                "severity": RDJSON_SEVERITIES[shape["severity"]], "source": {"name": TOOL},
                "code": {"value": shape["rule"]},
                "suggestions": [{"range": span, "text": text} for _, text in item.fixes],
            }) + "\n")


def _rd_position(position: Position) -> JSON:
    return {"line": position.line, "column": position.byte_column}


SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@dataclass
class SarifReport(Report):
    """One SARIF 2.1.0 log: the pack's rules as the driver's, a result per finding with its fixes."""
    results: list[JSON] = field(default_factory=list)
    rule_index: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rule_index = {rule.id: number for number, rule in enumerate(self.pack.rules)}

    def add(self, draft: Draft, answer: JSON, found: list[Located]) -> None:
        uri = {"uri": _uri(draft.source)}
        for item in found:
            shape, region = item.finding, _region(item.start, item.end)
            result = {"ruleId": shape["rule"], "level": SARIF_LEVELS[shape["severity"]],
                      "message": {"text": shape["message"]},
                      "locations": [{"physicalLocation": {"artifactLocation": uri, "region": region}}],
                      "fixes": [{"description": {"text": message}, "artifactChanges": [{
                          "artifactLocation": uri,
                          "replacements": [{"deletedRegion": region, "insertedContent": {"text": text}}]}]}
                          for message, text in item.fixes]}
            self.results.append(result | {"ruleIndex": self.rule_index[shape["rule"]]})

    def finish(self) -> None:
        from importlib.metadata import version  # 16 ms of imports, which every other format starts without

        driver = {"name": TOOL, "version": version("rapport-lint"), "rules": [
            {"id": rule.id, "shortDescription": {"text": rule.message},
             "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
             "properties": {"category": rule.category, "tags": [rule.category]}}
            for rule in self.pack.rules]}
        log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [
            {"tool": {"driver": driver}, "columnKind": "utf16CodeUnits", "results": self.results}]}
        self.out.write(json.dumps(log, indent=2) + "\n")


def _region(start: Position, end: Position) -> JSON:
    return {"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column}


def _uri(source: str) -> str:
    path = Path(source)
    return path.resolve().as_uri() if path.is_absolute() else urllib.parse.quote(path.as_posix())


@dataclass
class JunitReport(Report):
    """A test case per draft; it fails when a finding of a failing severity is in it."""
    cases: list[junit.LintCase] = field(default_factory=list)

    def add(self, draft: Draft, answer: JSON, found: list[Located]) -> None:
        from . import junit  # XML, loaded for this format only

        lines = [f"{item.start.line}:{item.start.column}: {item.finding['severity']} [{item.finding['rule']}] "
                 f"{item.finding['message']}{_hint(item.finding)}" for item in found]
        failing = [item.finding["rule"] for item in found if item.finding["severity"] in self.failing]
        self.cases.append(junit.LintCase(draft.source, draft.line, lines, failing))

    def finish(self) -> None:
        from . import junit

        tree = junit.lint_report(self.cases)
        tree.write(self.out, encoding="unicode", xml_declaration=True)
        self.out.write("\n")


FORMATS: dict[str, type[Report]] = {
    "text": TextReport, "json": JsonReport, "github": GithubReport, "sarif": SarifReport,
    "rdjsonl": RdjsonlReport, "junit": JunitReport,
}
