"""English inflections of a base form, so that a phrase written as `win` also matches wins, won,
winning; `reply` matches replies, replied, replying; `person` matches people.

Phrases are matched by their words' forms rather than by lemmatising every draft: expanding the
few hundred words of a rules file once at load time costs nothing per draft, and a draft token then
matches by a set lookup. The forms are generated: the regular endings (with the usual spelling
changes, both where English is ambiguous, such as a doubled final consonant) and the irregular
verbs and nouns below. Generating a form that no one writes is harmless; it never occurs.
"""
from __future__ import annotations

from functools import lru_cache

# base: past, past participle (one word each; "-" when the same as the past)
_IRREGULAR_VERBS = """
arise arose arisen|awake awoke awoken|be was,were been|bear bore borne|beat beat beaten|become became become
begin began begun|bend bent -|bet bet -|bid bid -|bind bound -|bite bit bitten|bleed bled -|blow blew blown
break broke broken|breed bred -|bring brought -|broadcast broadcast -|build built -|burn burnt,burned -
burst burst -|buy bought -|catch caught -|choose chose chosen|cling clung -|come came come|cost cost -
creep crept -|cut cut -|deal dealt -|dig dug -|do did done|draw drew drawn|dream dreamt,dreamed -
drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed -|feel felt -|fight fought -
find found -|flee fled -|fly flew flown|forbid forbade forbidden|forecast forecast -|foresee foresaw foreseen
forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten,got|give gave given
go went gone|grind ground -|grow grew grown|hang hung -|have had -|hear heard -|hide hid hidden|hit hit -
hold held -|hurt hurt -|keep kept -|kneel knelt -|know knew known|lay laid -|lead led -|lean leant,leaned -
leap leapt,leaped -|learn learnt,learned -|leave left -|lend lent -|let let -|lie lay lain|light lit -
lose lost -|make made -|mean meant -|meet met -|mislead misled -|mistake mistook mistaken|overcome overcame overcome
overtake overtook overtaken|pay paid -|prove proved proven|put put -|quit quit -|read read -|rebuild rebuilt -
redo redid redone|repay repaid -|reset reset -|resend resent -|retake retook retaken|rethink rethought -
rewrite rewrote rewritten|rid rid -|ride rode ridden|ring rang rung|rise rose risen|run ran run|say said -
see saw seen|seek sought -|sell sold -|send sent -|set set -|sew sewed sewn|shake shook shaken|shed shed -
shine shone -|shoot shot -|show showed shown|shrink shrank shrunk|shut shut -|sing sang sung|sink sank sunk
sit sat -|sleep slept -|slide slid -|speak spoke spoken|speed sped -|spell spelt,spelled -|spend spent -
spill spilt,spilled -|spin spun -|split split -|spoil spoilt,spoiled -|spread spread -|spring sprang sprung
stand stood -|steal stole stolen|stick stuck -|sting stung -|stink stank stunk|strike struck -|swear swore sworn
sweep swept -|swim swam swum|swing swung -|take took taken|teach taught -|tear tore torn|tell told -
think thought -|throw threw thrown|undergo underwent undergone|understand understood -|undertake undertook undertaken
undo undid undone|upset upset -|wake woke woken|wear wore worn|weep wept -|win won -|wind wound -
withdraw withdrew withdrawn|withhold withheld -|write wrote written|rt rt'd,rted -|dm dm'd,dmed,dmd -
"""
_IRREGULAR_NOUNS = {
    "person": ("people", "persons"), "child": ("children",), "man": ("men",), "woman": ("women",),
    "foot": ("feet",), "tooth": ("teeth",), "mouse": ("mice",), "goose": ("geese",), "life": ("lives",),
    "wife": ("wives",), "knife": ("knives",), "half": ("halves",), "leaf": ("leaves",), "shelf": ("shelves",),
    "self": ("selves",), "wolf": ("wolves",), "thief": ("thieves",), "loaf": ("loaves",), "calf": ("calves",),
    "criterion": ("criteria",), "phenomenon": ("phenomena",), "datum": ("data",), "medium": ("media",),
    "analysis": ("analyses",), "crisis": ("crises",), "basis": ("bases",), "thesis": ("theses",),
}
_BE = ("be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m")
_VOWELS = set("aeiou")


def _parse_verbs(table: str) -> dict[str, tuple[str, ...]]:
    verbs: dict[str, tuple[str, ...]] = {}
    for entry in table.replace("\n", "|").split("|"):
        if not entry.strip():
            continue
        base, past, participle = entry.split()
        forms = past.split(",") + ([] if participle == "-" else participle.split(","))
        verbs[base] = tuple(forms)
    return verbs


_VERBS = _parse_verbs(_IRREGULAR_VERBS)


@lru_cache(maxsize=4096)
def inflections(word: str) -> frozenset[str]:
    """Every form a base word may take (itself included), lower case."""
    base = word.lower()
    if base == "be":
        return frozenset(_BE)
    if not base.isalpha() or len(base) < 2:
        return frozenset({base})  # numbers, contractions, symbols: as written
    irregular = _VERBS.get(base)
    past = set(irregular) if irregular else _past(base)
    return frozenset({base, *_plural(base), *past, *_present_participle(base), *_IRREGULAR_NOUNS.get(base, ())})


def _plural(base: str) -> set[str]:
    """The -s form of nouns and verbs alike: replies, boxes, goes and photos, wins."""
    if base[-1] == "y" and base[-2] not in _VOWELS:
        return {base[:-1] + "ies"}
    if base.endswith(("s", "x", "z", "ch", "sh")):
        return {base + "es"}
    return {base + "es", base + "s"} if base[-1] == "o" else {base + "s"}


def _past(base: str) -> set[str]:
    if base[-1] == "e":
        return {base + "d"}
    if base[-1] == "y" and base[-2] not in _VOWELS:
        return {base[:-1] + "ied"}
    if base[-1] == "c":
        return {base + "ked"}
    return {stem + "ed" for stem in _stems(base)}


def _present_participle(base: str) -> set[str]:
    if base.endswith("ie"):
        return {base[:-2] + "ying"}
    if base[-1] == "e" and base[-2] not in "eoy":
        return {base[:-1] + "ing"}  # like -> liking; but see -> seeing
    if base[-1] == "c":
        return {base + "king"}
    return {stem + "ing" for stem in _stems(base)}


def _stems(base: str) -> set[str]:
    """What -ed and -ing attach to: a final consonant after one vowel is doubled in one syllable (tag ->
    tagged) and may or may not be in more (refer -> referred, visit -> visited), so both are given there."""
    last, before = base[-1], base[-2]
    if last in _VOWELS or last in "wxy" or before not in _VOWELS or (len(base) > 2 and base[-3] in _VOWELS):
        return {base}
    doubled = base + last
    return {doubled} if _syllables(base) == 1 else {base, doubled}


def _syllables(word: str) -> int:
    groups, previous = 0, False
    for ch in word:
        vowel = ch in _VOWELS
        groups += vowel and not previous
        previous = vowel
    return groups
