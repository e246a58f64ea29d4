"""Map labels and field names to profile keys and roles (resources/forms/synonyms.json).

Matching is accent- and case-insensitive after NFC (common.fsutil.fold). A label that names a
person ("... của cha", "người làm chứng") gets that role; the rest belongs to the requester.
Confidence: 1.0 for machine names ("father.full_name"), 0.95 for an exact synonym, lower for a
synonym found inside a longer label; below MIN_CONFIDENCE the blank stays for typing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from common.fsutil import fold
from common.resources import resource_path
from common.schema import read_json
from forms.model import FormItem

if TYPE_CHECKING:
    from forms.persons import TextLine

MIN_CONFIDENCE = 0.55
ROLES = ("requester", "father", "mother", "child", "spouse", "deceased", "witness")
#: a person named by a label that is none of ROLES (legal representative, head of household)
OTHER_ROLE = "other"


@dataclass(frozen=True)
class Meaning:
    key: str | None
    role: str | None
    confidence: float
    in_words: bool = False  # the date of `key` written in words ("ghi bằng chữ")


@dataclass(frozen=True)
class SynonymTable:
    keys: dict[str, tuple[str, ...]]  # key -> folded synonyms
    roles: dict[str, tuple[str, ...]]  # role -> folded words


def _norm(text: str) -> str:
    """Folded, punctuation as spaces, single spaces: 'Họ, chữ đệm và tên' -> 'ho chu dem va ten'."""
    text = fold(text)
    text = re.sub(r"\((?:\d+|\*)\)", " ", text)  # note marks (1) (*)
    text = re.sub(r"[^\w]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@cache
def synonym_table() -> SynonymTable:
    path = resource_path("forms", "synonyms.json")
    data = read_json(path)
    keys = {k: tuple(_norm(s) for s in v) for k, v in data["keys"].items()}
    roles = {k: tuple(_norm(s) for s in v) for k, v in data["roles"].items()}
    return SynonymTable(keys=keys, roles=roles)


def profile_keys() -> tuple[str, ...]:
    return tuple(synonym_table().keys)


def _split_machine_name(name: str) -> Meaning | None:
    """'father.full_name', 'full_name' or 'mother_date_of_birth' as written by our templates."""
    table = synonym_table()
    text = name.strip()
    match = re.fullmatch(r"(?:([a-z]+)[.])?([a-z_]+)(?:[.#]\d+)?", text)
    if not match:
        return None
    role, key = match.group(1), match.group(2)
    if role is not None and role not in ROLES:
        return None
    if key in table.keys:
        return Meaning(key, role, 1.0)
    spoken = key.removesuffix("_in_words")  # 'child.date_of_birth_in_words'
    if spoken != key and spoken.startswith("date") and spoken in table.keys:
        return Meaning(spoken, role, 1.0, in_words=True)
    return None


@cache
def _role_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(role, word, pattern) with longer words first within a role."""
    patterns = []
    for role, words in synonym_table().roles.items():
        for word in sorted(words, key=len, reverse=True):
            w = re.escape(word)
            patterns.append(
                (role, word, re.compile(rf"(?:\b(?:cua|of|ve)\s+{w}\b|^{w}\b\s*|\b{w}$)"))
            )
    return tuple(patterns)


def _find_role(text: str) -> tuple[str | None, str]:
    """The role named in a label, and the label without it."""
    padded = f" {text} "
    for role, word, pattern in _role_patterns():
        if f" {word} " in padded and pattern.search(text):
            return role, pattern.sub(" ", text, count=1).strip()
    return None, text


def _best_key(text: str) -> tuple[str | None, float]:
    if not text:
        return None, 0.0
    best, score = None, 0.0
    for key, synonyms in synonym_table().keys.items():
        for syn in synonyms:
            if not syn:
                continue
            if text == syn:
                s = 0.95
            elif len(syn) >= 5 and f"{text} ".startswith(f"{syn} "):
                s = 0.4 + 0.5 * len(syn) / len(text)
            elif len(syn) >= 9 and " " in syn and f" {syn} " in f" {text} ":
                s = 0.3 + 0.5 * len(syn) / len(text)
            else:
                continue
            if s > score:
                best, score = key, s
    return best, round(score, 2)


def understand(label: str, name: str = "") -> Meaning:
    """The profile key and role of a label (or of a field name when the label says nothing)."""
    for candidate in (name, label):
        if candidate:
            machine = _split_machine_name(candidate)
            if machine is not None:
                return machine
    best = Meaning(None, None, 0.0)
    for text in (label, name):
        normalized = _norm(text or "")
        if not normalized:
            continue
        if normalized.startswith("quan he voi"):
            return Meaning("relationship", None, 0.9)
        role, rest = _find_role(normalized)
        if role is None and re.search(r"\bcua (?:nguoi|chu|ong|ba|anh|chi)\b", normalized):
            role = OTHER_ROLE  # someone the form names but we have no profile role for
        key, confidence = _best_key(rest)
        if key is None and role is not None:
            key, confidence = _best_key(normalized)
        if key is not None and confidence > best.confidence:
            best = Meaning(key, role, confidence)
    if best.confidence < MIN_CONFIDENCE:
        return Meaning(None, None, best.confidence)
    return best


def annotate(
    items: list[FormItem], lines: Mapping[int, Sequence[Any]] | None = None
) -> list[FormItem]:
    """Fill in key, person (role), block and confidence of every item.

    Blanks of flat forms are read in their context (forms.persons.read_lines); `lines` maps a
    page number to its printed lines (objects with `baseline` and `text`, see
    forms.blanks.PageLine), without them the labels alone are the text. AcroForm fields keep the
    meaning of their own name or label; a field whose name and label name nobody has no person
    (unknown): it is left for the person to fill, never filled from the requester by guess.
    """
    from forms.persons import read_lines

    done: dict[int, FormItem] = {}
    for n, item in enumerate(items):
        if item.kind != "field":
            continue
        meaning = understand(item.label, item.id)
        person = meaning.role
        done[n] = replace(item, key=meaning.key, role=person, person=person,
                          confidence=meaning.confidence, in_words=meaning.in_words,
                          person_confidence=0.95 if person else 0.0)  # fmt: skip
    blanks = [(n, item) for n, item in enumerate(items) if item.kind == "blank"]
    text_lines, order = _text_lines(blanks, lines or {})
    for n, reading in zip(order, read_lines(text_lines)):
        item = items[n]
        done[n] = replace(
            item, key=reading.key, role=reading.person, person=reading.person,
            confidence=reading.confidence, person_confidence=reading.person_confidence,
            block=reading.block, capitals=reading.capitals, in_words=reading.in_words,
        )  # fmt: skip
    return [done.get(n, item) for n, item in enumerate(items)]


_KINDS = {"date": "date", "boxes": "boxes", "checkbox": "checkbox"}


def _y(item: FormItem) -> float:
    return item.baseline if item.baseline is not None else (item.rect[1] + item.rect[3]) / 2


def _text_lines(
    blanks: list[tuple[int, FormItem]], lines: Mapping[int, Sequence[Any]]
) -> tuple[list[TextLine], list[int]]:
    """The printed lines of every page with the blanks on them, top to bottom; the blanks'
    indexes in the order read_lines returns their readings."""
    from forms.persons import TextBlank, TextLine

    events: list[tuple[int, float, float, int, str, list[tuple[int, FormItem]]]] = []
    pages = sorted({item.page for _n, item in blanks} | set(lines))
    for page in pages:
        rows = [(float(line.baseline), str(line.text), []) for line in lines.get(page, ())]
        loose: list[tuple[int, FormItem]] = []
        for n, item in blanks:
            if item.page != page:
                continue
            y = _y(item)
            row = next((r for r in rows if abs(r[0] - y) <= 1.0), None)
            if row is None and item.label and not item.row:
                # digit boxes beside their label ("9. Số định danh cá nhân của chủ hộ: [][]…")
                row = next((r for r in rows if item.rect[1] - 2 <= r[0] <= item.rect[3] + 4
                            and item.label in r[1]), None)  # fmt: skip
            if row is not None and item.type != "checkbox":
                row[2].append((n, item))
            else:
                loose.append((n, item))
        for baseline, text, members in rows:
            members.sort(key=lambda m: m[1].rect[0])
            events.append((page, baseline, 0.0, 0, text, members))
        for n, item in loose:
            events.append((page, _y(item), item.rect[0], 1, item.label, [(n, item)]))
    events.sort(key=lambda e: (e[0], e[1], e[3], e[2]))
    text_lines: list[TextLine] = []
    order: list[int] = []
    for _page, _y0, _x, _kind, text, members in events:
        kinds = tuple(
            TextBlank(item.label, f"row:{item.row}" if item.row else _KINDS.get(item.type, "line"))
            for _n, item in members
        )
        text_lines.append(TextLine(text, kinds))
        order.extend(n for n, _item in members)
    return text_lines, order
