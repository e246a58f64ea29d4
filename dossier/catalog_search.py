"""Portal-like search of the procedure catalog: words folded without accents, filters by agency,
level and field, scores that rank the name first."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from common.fsutil import fold
from common.i18n import _
from dossier.catalog_json import (  # noqa: F401
    _FORMAT_PATTERN,
    MAX_CATALOG_BYTES,
    _DuplicateKey,
    _invalid,
    _refuse_duplicate_keys,
    _refuse_repeats,
    read_strict_json,
)
from dossier.catalog_labels import (
    LEVEL_LABELS,
)
from dossier.catalog_model import Procedure
from dossier.portals import (  # noqa: F401
    _NAMING_SAMPLE,
    _check_portal,
    list_portals,
    load_portal,
    read_portal_file,
)

_WORD = re.compile(r"[0-9a-z]+")
_CODE_QUERY = re.compile(r"^\d[\d.]*$")
#: words people type for a level, folded ("xa", "cap xa", "commune"...)
_LEVEL_ALIASES: dict[str, str] = {
    "xa": "commune",
    "cap xa": "commune",
    "phuong": "commune",
    "huyen": "district",
    "cap huyen": "district",
    "tinh": "province",
    "cap tinh": "province",
    "bo": "ministry",
    "cap bo": "ministry",
    "trung uong": "ministry",
}
_COMMUNE_PREFIXES = (
    *("ubnd xa ", "ubnd phuong ", "ubnd thi tran ", "ubnd dac khu "),
    *("xa ", "phuong ", "thi tran ", "dac khu "),  # "xã Xuân Bắc" typed without "UBND"
)
_GENERIC_COMMUNE_AGENCY = "ubnd cap xa"


@dataclass(frozen=True)
class SearchQuery:
    """What the user typed and chose, as on the portal's search form."""

    text: str = ""
    agency: str | None = None  # e.g. "UBND xã Xuân Bắc"
    level: str | None = None  # "commune"... or a Vietnamese word: "xã", "cấp tỉnh"
    field: str | None = None  # "Hộ tịch", "Chứng thực"
    service_level: int | None = None  # online service level 1-4


@dataclass(frozen=True)
class SearchHit:
    procedure: Procedure
    score: float


class _Vocabulary:
    """Words of a text: a set for whole words, a sorted tuple for prefixes (binary search)."""

    __slots__ = ("sorted", "words")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self.sorted = tuple(sorted(self.words))

    def has_prefix(self, prefix: str) -> bool:
        i = bisect.bisect_left(self.sorted, prefix)
        return i < len(self.sorted) and self.sorted[i].startswith(prefix)


@dataclass(frozen=True)
class _IndexEntry:
    procedure: Procedure
    name: str  # folded
    name_words: _Vocabulary
    name_length: int  # number of words in the name
    keywords: tuple[str, ...]  # folded
    keyword_words: _Vocabulary
    other_words: _Vocabulary
    name_lower: str  # NFC lower case, diacritics kept: a tie-break for accented queries
    agencies: tuple[str, ...]  # folded, "uy ban nhan dan" -> "ubnd"
    field: str  # folded


def _fold_agency(text: str) -> str:
    folded = " ".join(_WORD.findall(fold(text)))
    return folded.replace("uy ban nhan dan", "ubnd")


def with_local_agency(procedure: Procedure, commune_agency: str) -> Procedure:
    """The procedure as the user's commune handles it: the generic "UBND cấp xã" of a
    procedure every commune handles replaced by `commune_agency` (the user's setting, e.g.
    "UBND xã Xuân Bắc"); unchanged when the setting is empty or the procedure names no commune."""
    commune_agency = " ".join(commune_agency.split())
    if not commune_agency:
        return procedure
    agencies = tuple(
        commune_agency if _fold_agency(a) == _GENERIC_COMMUNE_AGENCY else a
        for a in procedure.agencies
    )
    if agencies == procedure.agencies:
        return procedure
    return dataclasses.replace(procedure, agencies=tuple(dict.fromkeys(agencies)))


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _index_entry(procedure: Procedure) -> _IndexEntry:
    other_texts: list[str] = [procedure.field, procedure.result, *procedure.steps]
    for component in procedure.components:
        other_texts += [component.name, component.notes]
    other = {word for text in other_texts for word in _words(text)}
    keywords = tuple(" ".join(_words(k)) for k in procedure.keywords)
    return _IndexEntry(
        procedure=procedure,
        name=" ".join(_words(procedure.name)),
        name_words=_Vocabulary(_words(procedure.name)),
        name_length=len(_words(procedure.name)),
        keywords=keywords,
        keyword_words=_Vocabulary(w for k in keywords for w in k.split()),
        other_words=_Vocabulary(other),
        name_lower=procedure.name.lower(),
        agencies=tuple(_fold_agency(a) for a in procedure.agencies),
        field=" ".join(_words(procedure.field)),
    )


def normalise_level(level: str) -> str | None:
    """'commune', 'Cấp xã', 'xa' -> 'commune'; None when the word is no known level."""
    key = " ".join(_words(level))
    if key in LEVEL_LABELS:
        return key
    if key in _LEVEL_ALIASES:
        return _LEVEL_ALIASES[key]
    for code, label in LEVEL_LABELS.items():
        if key in {" ".join(_words(label)), " ".join(_words(_(label)))}:
            return code
    return None


def _agency_matches(entry: _IndexEntry, wanted: str) -> bool:
    key = _fold_agency(wanted)
    if not key:
        return True
    if any(key in agency for agency in entry.agencies):
        return True
    # a named commune ("UBND xã Tân Phú") is served by every commune-level procedure
    return key.startswith(_COMMUNE_PREFIXES) and _GENERIC_COMMUNE_AGENCY in entry.agencies


def _passes_filters(entry: _IndexEntry, query: SearchQuery) -> bool:
    procedure = entry.procedure
    if query.agency and not _agency_matches(entry, query.agency):
        return False
    if query.level:
        level = normalise_level(query.level)
        if level is None or procedure.level != level:
            return False
    if query.field:
        wanted = " ".join(_words(query.field))
        if wanted and wanted not in entry.field:
            return False
    return not (
        query.service_level is not None and query.service_level not in procedure.service_levels
    )


@dataclass(frozen=True)
class _PreparedText:
    """The free text of a query, folded once for the whole search."""

    words: tuple[str, ...]
    phrase: str
    lowered: str  # NFC lower case with its diacritics

    @classmethod
    def of(cls, text: str) -> _PreparedText:
        words = tuple(_words(text))
        return cls(words, " ".join(words), text.strip().lower())


def _word_score(word: str, vocabulary: _Vocabulary, full: float) -> float:
    """`full` for the same word, half for a prefix (the user is still typing)."""
    if word in vocabulary.words:
        return full
    return full / 2 if vocabulary.has_prefix(word) else 0.0


def _text_score(entry: _IndexEntry, query: _PreparedText) -> tuple[float, int, bool]:
    """Score of the free text, how many of its words were found anywhere, and whether one was
    found in the name or the keywords (a "strong" match, as opposed to notes only)."""
    phrase = query.phrase
    score = 0.0
    found = 0
    strong = False
    for word in query.words:
        best = _word_score(word, entry.name_words, 30)
        if best < 30:  # a prefix in the name may lose to a whole word in the keywords
            best = max(best, _word_score(word, entry.keyword_words, 12))
        strong = strong or best > 0
        if not best:
            best = _word_score(word, entry.other_words, 3)
        if best:
            found += 1
        score += best
    if phrase == entry.name:
        score += 1000
    elif entry.name.startswith(phrase):
        score += 400
    elif f" {phrase}" in f" {entry.name}":
        score += 200
    if any(phrase == keyword for keyword in entry.keywords):
        score += 150
    elif any(f" {phrase}" in f" {keyword}" for keyword in entry.keywords):
        score += 60
    if query.lowered != phrase and query.lowered in entry.name_lower:
        score += 20  # typed with diacritics, and they match the name exactly
    # shorter names first among equals: "Đăng ký khai sinh" before longer relatives
    score -= entry.name_length * 0.1
    return score, found, strong


def _code_score(entry: _IndexEntry, text: str) -> float:
    code = entry.procedure.code
    if code == text:
        return 2000
    if code.startswith(text):
        return 1000 - len(code)
    return 0


def _ranked(hits: list[SearchHit], order: dict[str, int]) -> list[SearchHit]:
    """Best score first; equal scores keep the catalog's order (its author's priority)."""
    return sorted(hits, key=lambda h: (-h.score, order[h.procedure.code]))


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
