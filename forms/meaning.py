"""Map labels and field names to profile keys and roles (resources/forms/synonyms.json).

Matching is accent- and case-insensitive after NFC (common.fsutil.fold). A label that names a
person ("... của cha", "người làm chứng") gets that role; the rest belongs to the requester.
Confidence: 1.0 for machine names ("father.full_name"), 0.95 for an exact synonym, lower for a
synonym found inside a longer label; below MIN_CONFIDENCE the blank stays for typing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from common.fsutil import fold
from common.resources import resource_path
from common.schema import read_json
from forms.model import FormItem

MIN_CONFIDENCE = 0.55
ROLES = ("requester", "father", "mother", "child", "spouse", "deceased", "witness")
#: a person named by a label that is none of ROLES (legal representative, head of household)
OTHER_ROLE = "other"


@dataclass(frozen=True)
class Meaning:
    key: str | None
    role: str | None
    confidence: float


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
    if key in table.keys and (role is None or role in ROLES):
        return Meaning(key, role, 1.0)
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
            elif len(syn) >= 5 and f" {syn} " in f" {text} ":
                s = 0.4 + 0.5 * len(syn) / len(text)
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


def annotate(items: list[FormItem]) -> list[FormItem]:
    """Fill in key, role and confidence of every item."""
    out = []
    for item in items:
        meaning = understand(item.label, item.id if item.kind == "field" else "")
        if item.type == "date" and meaning.key is None:
            meaning = Meaning("today", None, 0.7)
        role = meaning.role
        previous = out[-1] if out else None
        if role is None and meaning.key and previous is not None and previous.page == item.page:
            same_row = item.baseline is not None and item.baseline == previous.baseline
            if previous.role and (same_row or item.type == "boxes"):
                role = previous.role  # "Quốc tịch" after "Họ ... tên của cha" on one line
        out.append(replace(item, key=meaning.key, role=role, confidence=meaning.confidence))
    return out
