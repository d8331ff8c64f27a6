"""Reads a rules file (and the packs it extends) into a RulePack, or raises RulesError.

Shape is checked per file against the published schema (document.py); layering and meaning
(known features and phrase lists, unique ids, message placeholders, example platforms) are
checked here. Every problem names the file it comes from, its line and the rule.
"""
from __future__ import annotations

import hashlib
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..deciding.conditions import Condition, ConditionError, ConditionParser, Group, Leaf, Measured, leaves
from ..deciding.engine import RULE_BOUNDS
from ..measuring.features import BUILTIN_FEATURES, SIGNAL_FEATURES, FeaturePlan, FeatureSpec
from ..measuring.language import LANGUAGES, UNDETERMINED, gate
from ..measuring.phrases import PhraseBook, PhraseError, parse_phrase
from ..measuring.signal import load_signal
from ..model import Example, PlatformPolicy, Problem, Rule, RulePack, RulesError, Suggestion
from ..rewriting.slots import BUILTIN_SLOTS
from ..rewriting.templates import TemplateError, slot_names
from .chain import Layer, read_chain
from .house_vocabulary import compile_entry
from .pack_cache import remember_pack
from .sources import SourceFile
from .yaml_lines import LineDict, LineList, Mark

DEFAULT_PLATFORMS = {"generic": 0}
Where = tuple[str, Mark | None]  # file and mark


def build_pack(path: Path, sources: list[SourceFile]) -> RulePack:
    """The pack of `path` and the packs it extends (each file read recorded in `sources`), remembered
    for the next load."""
    chain = read_chain(path, sources)
    pack = _Builder(chain, tuple(sources)).build()
    remember_pack([(layer.path, layer.raw) for layer in reversed(chain)], pack)
    return pack


@dataclass(slots=True)
class _Definition:
    """A rule's mapping, the file it is defined in, and where each overridden key came from."""

    node: LineDict
    file: str
    overridden: dict[str, Where] = field(default_factory=dict)

    def where(self, key: str) -> Where:
        return self.overridden.get(key) or (self.file, self.node.key_marks.get(key, self.node.mark))


class _Builder:
    """Merges the layers base first, then turns the result into a RulePack, gathering every problem."""

    def __init__(self, chain: list[Layer], sources: tuple[SourceFile, ...]) -> None:
        self.chain = chain
        self.files = sources  # every file read, for the pack to carry
        digest = hashlib.sha256(b"".join(layer.raw for layer in chain)).hexdigest()[:8]
        self.version = f"{chain[-1].document['version']}+{digest}"
        self.problems: list[Problem] = []
        self.limits: dict[str, int] = dict(DEFAULT_PLATFORMS)  # "generic" always exists
        self.phrases: dict[str, list[str]] = {}
        self.exceptions: dict[str, list[str]] = {}
        self.phrase_where: dict[str, Where] = {}
        self.definitions: dict[str, _Definition] = {}
        self.features: dict[str, FeatureSpec] = dict(BUILTIN_FEATURES)
        self.measured = Measured()
        self.file_languages: dict[str, Any] = {}  # file -> its `language:`, the default of its rules
        self.gated: set[str] = set()  # languages some rule is gated on

    def build(self) -> RulePack:
        for layer in self.chain:
            self._merge(layer)
        self._add_phrase_features()
        self.features.update({gate(code): FeatureSpec("flag", f"the draft is in {code} or undetermined")
                              for code in LANGUAGES})
        names = {"platform": set(self.limits), "language": {*LANGUAGES, UNDETERMINED}}
        parser = ConditionParser(self.features, set(self.phrases), names, self.measured, RULE_BOUNDS)
        rules = [rule for source in self.definitions.values() if (rule := self._rule(source, parser))]
        if self.problems:
            raise RulesError(self.problems)
        measured = self.measured
        tested = {leaf.feature for rule in rules for leaf in leaves(rule.condition)}
        plan = FeaturePlan(PhraseBook(self.phrases, self.exceptions, measured.pattern_lists),
                           tuple(measured.near_pairs.values()), tuple(measured.patterns.values()), self.limits,
                           measured.descriptions, load_signal() if tested & set(SIGNAL_FEATURES) else None,
                           tuple(sorted(self.gated)), tuple(measured.positions.values()))
        return RulePack(self.version, self.chain[-1].path, tuple(rules), plan, self.files)

    # -- layering

    def _merge(self, layer: Layer) -> None:
        document = layer.document
        self.file_languages[layer.file] = document.get("language", "any")
        self.limits.update({name: p["limit"] for name, p in document.get("platforms", {}).items()})
        self._merge_phrases(layer)
        for index, (entry, mark) in enumerate(_marked_items(document, "vocabulary")):
            compiled = compile_entry(entry, mark, index)
            phrases = self._checked(compiled.phrases, [mark] * len(compiled.phrases), layer.file, compiled.phrase_list)
            self._define_phrases(compiled.phrase_list, phrases, (layer.file, mark))
            self._add_rule(compiled.node, layer.file)
        for node in document.get("rules", []):
            self._add_rule(node, layer.file)
        self._override(layer)
        self._disable(layer)

    def _merge_phrases(self, layer: Layer) -> None:
        phrases = layer.document.get("phrases", {})
        for name, value in phrases.items():
            where = (layer.file, phrases.key_marks[name])
            if not isinstance(value, Mapping):
                self._define_phrases(name, self._checked_list(value, layer.file, name), where, replace=True)
                continue
            if "except" in value:
                self.exceptions[name] = self._checked_list(value["except"], layer.file, name)
            if "phrases" in value:
                self._define_phrases(name, self._checked_list(value["phrases"], layer.file, name), where, replace=True)
            elif name in self.phrases:
                self.phrases[name] = self.phrases[name] + self._checked_list(value["add"], layer.file, name)
            else:
                self._problem(where, f"phrases: '{name}' is not a list of an extended pack to add to; "
                              f"known: {', '.join(sorted(self.phrases)) or 'none'}")

    def _checked_list(self, items: LineList, file: str, name: str) -> list[str]:
        return self._checked(list(items), items.item_marks, file, name)

    def _checked(self, phrases: list[str], marks: list[Mark], file: str, name: str) -> list[str]:
        """The phrases, each one that cannot be matched reported where it is written."""
        for phrase, mark in zip(phrases, marks):
            try:
                parse_phrase(phrase)
            except PhraseError as error:
                self._problem((file, mark), f"phrases: '{name}': {error}")
        return phrases

    def _define_phrases(self, name: str, phrases: list[str], where: Where, replace: bool = False) -> None:
        if name in self.phrases and not replace:
            self._problem(where, f"phrase list '{name}' is already defined at {_at(self.phrase_where[name])}")
        self.phrases[name] = phrases
        self.phrase_where[name] = where

    def _add_rule(self, node: LineDict, file: str) -> None:
        rule_id = node["id"]
        if rule_id in self.definitions:
            first = self.definitions[rule_id]
            at = f"line {first.node.line}" if first.file == file else _at((first.file, first.node.mark))
            hint = "" if first.file == file else " (to change it, use override)"
            self._problem((file, node.mark), f"duplicate id; first defined at {at}{hint}", rule_id)
            return
        self.definitions[rule_id] = _Definition(node, file)

    def _override(self, layer: Layer) -> None:
        overrides = layer.document.get("override", {})
        for rule_id, changes in overrides.items():
            source = self._known_rule(rule_id, (layer.file, overrides.key_marks[rule_id]), "override")
            if source is None:
                continue
            node = LineDict({**source.node, **changes})
            node.mark, node.key_marks = source.node.mark, source.node.key_marks
            overridden = {key: (layer.file, changes.key_marks[key]) for key in changes}
            self.definitions[rule_id] = _Definition(node, source.file, {**source.overridden, **overridden})

    def _disable(self, layer: Layer) -> None:
        for rule_id, mark in _marked_items(layer.document, "disable"):
            if self._known_rule(rule_id, (layer.file, mark), "disable"):
                del self.definitions[rule_id]

    def _known_rule(self, rule_id: str, where: Where, key: str) -> _Definition | None:
        if rule_id not in self.definitions:
            self._problem(where, f"{key}: no rule '{rule_id}' in this file or the packs it extends", rule_id)
        return self.definitions.get(rule_id)

    def _add_phrase_features(self) -> None:
        for name in self.phrases:
            if name in BUILTIN_FEATURES:
                self._problem(self.phrase_where[name], f"phrase list '{name}' has the name of a built-in feature")
            self.features[name] = FeatureSpec("count", f"matches of the phrase list '{name}'")

    # -- rules

    def _rule(self, source: _Definition, parser: ConditionParser) -> Rule | None:
        node = source.node
        rule_id = node["id"]
        try:
            condition = parser.parse(node["when"], node.key_marks["when"])
        except ConditionError as error:
            self._problem((source.file, error.mark), f"when: {error}", rule_id)
            return None
        suggestions = tuple(Suggestion(**s) for s in node.get("suggestions", []))
        underline = node.get("underline", "phrase")
        self._check_message(source, rule_id)
        if underline == "none" and any(s.replace is not None or s.fix for s in suggestions):
            self._problem(source.where("suggestions"), "underline: none has no text to replace; use append", rule_id)
        self._check_templates(source, rule_id, suggestions, condition)
        languages = self._languages(source, rule_id)
        examples = node["examples"]
        return Rule(rule_id, node["category"], node["severity"], node["message"].strip(),
                    _gated(condition, languages), underline, suggestions, self._examples(examples, "flag", source),
                    self._examples(examples, "pass", source), source.file, node.line, node.get("link"),
                    self._per_platform(source, rule_id), languages)

    def _languages(self, source: _Definition, rule_id: str) -> tuple[str, ...]:
        """The rule's `language:`, else its file's; () for any."""
        value = source.node.get("language", self.file_languages.get(source.file, "any"))
        codes = () if value == "any" else (value,) if isinstance(value, str) else tuple(value)
        for code in codes:
            if code not in LANGUAGES:
                where = source.where("language") if "language" in source.node else (source.file, None)
                self._problem(where, f"language '{code}' is not one Rapport detects; known: {', '.join(LANGUAGES)}",
                              rule_id)
        self.gated.update(codes)
        return codes

    def _per_platform(self, source: _Definition, rule_id: str) -> tuple[PlatformPolicy, ...]:
        policies = source.node.get("per_platform", {})
        for platform in policies:
            if platform not in self.limits:
                self._problem((source.where("per_platform")[0], policies.key_marks[platform]),
                              f"per_platform: '{platform}' is not among platforms: {', '.join(self.limits)}", rule_id)
        return tuple(PlatformPolicy(platform, p.get("severity"), p.get("link")) for platform, p in policies.items())

    def _check_message(self, source: _Definition, rule_id: str) -> None:
        where = source.where("message")
        try:
            fields = [(name, spec, conversion) for _, name, spec, conversion
                      in string.Formatter().parse(source.node["message"]) if name is not None]
        except ValueError as error:
            self._problem(where, f"message: {error} (write {{{{ and }}}} for braces)", rule_id)
            return
        for name, spec, conversion in fields:
            if name not in self.features:
                self._problem(where, f"message: unknown placeholder {{{name}}}; placeholders are feature names",
                              rule_id)
            elif spec or conversion:
                # A format spec can fail on the feature's type at lint time, or pad a message to gigabytes.
                self._problem(where, f"message: write the placeholder as plain {{{name}}}, without a format", rule_id)

    def _check_templates(self, source: _Definition, rule_id: str, suggestions: tuple[Suggestion, ...],
                         condition: Condition) -> None:
        """Every slot of a `replace` or `append` template is one the draft can fill for this rule."""
        used = {leaf.feature for leaf in leaves(condition)}
        patterns = self.measured.patterns  # looked up by the features tested: a pack has thousands of them
        captures = {step.capture for key in used if key in patterns for step in patterns[key].steps if step.capture}
        known = set(BUILTIN_SLOTS) | set(self.phrases) | captures
        for suggestion in suggestions:
            for key, template in (("replace", suggestion.replace), ("append", suggestion.append)):
                if template is None:
                    continue
                try:
                    unknown = sorted(set(slot_names(template)) - known)
                except TemplateError as error:
                    self._problem(source.where("suggestions"), f"suggestions: {key}: {error}", rule_id)
                    continue
                if unknown:
                    self._problem(source.where("suggestions"), f"suggestions: {key}: unknown slot {{{unknown[0]}}}; slots "
                                  f"are {', '.join(BUILTIN_SLOTS)}, this rule's captures ({', '.join(sorted(captures)) or 'none'})"
                                  " and phrase-list names", rule_id)

    def _examples(self, examples: Mapping[str, Any], kind: str, source: _Definition) -> tuple[Example, ...]:
        found = []
        for item, mark in _marked_items(examples, kind):
            text, platform = (item, "generic") if isinstance(item, str) else (item["text"], item.get("platform", "generic"))
            if platform not in self.limits:
                self._problem((source.file, mark), f"example platform '{platform}' is not among platforms: "
                              f"{', '.join(self.limits)}", source.node["id"])
            found.append(Example(text, platform, mark[0]))
        return tuple(found)

    def _problem(self, where: Where, message: str, rule: str | None = None) -> None:
        self.problems.append(Problem.at(where[0], where[1], message, rule))


def _gated(condition: Condition, languages: tuple[str, ...]) -> Condition:
    """`condition`, and the draft in one of `languages` (or undetermined). The engine decides this like
    any other test; it never underlines anything."""
    if not languages:
        return condition
    tests = tuple(Leaf(gate(code), "eq", True, positive=False) for code in languages)
    return Group("all", (condition, tests[0] if len(tests) == 1 else Group("any", tests)))


def _marked_items(node: LineDict, key: str) -> list[tuple[Any, Mark]]:
    items = node.get(key)
    return list(zip(items, items.item_marks)) if items else []


def _at(where: Where) -> str:
    return f"{where[0]}:{where[1][0]}" if where[1] else where[0]
