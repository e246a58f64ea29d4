"""The procedure catalog: strict loading, portal-like search, import of an updated file.

Built-in data: resources/catalog/*.json (one `Catalog` each) and resources/portals/<id>.json.
A catalog imported by the user lives in `<user folder>/catalog.json` (the desktop passes
`desktop.paths.data_dir() / "catalog"`); its procedures replace built-in ones with the same
code and add new ones.

Search works like the portal's "Dịch vụ công" tab: filters by agency, level, field and online
service level, plus free text matched case- and accent-insensitively ("dang ky khai sinh" finds
"Đăng ký khai sinh") and ranked: name before keywords before the rest of the text.

Only the standard library and `common` are imported here, so loading the catalog stays fast.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common.errors import HosoError, InputError, ValidationError
from common.fsutil import atomic_write_bytes, fold, make_private_dir
from common.i18n import N_, _
from common.resources import resource_path
from common.schema import load_dataclass
from dossier.catalog_model import Catalog, Component, Fee, PortalProfile, Procedure

IMPORTED_CATALOG_NAME = "catalog.json"
MAX_CATALOG_BYTES = 5 * 1024 * 1024  # a catalog is text: a bigger file is not one

_CODE_PATTERN = re.compile(r"^\d\.\d{6}$")
_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FORMAT_PATTERN = re.compile(r"^[a-z0-9]{2,5}$")
_UNVERIFIED_PATTERN = re.compile(
    r"^(?P<field>[a-z_]+)(?:\[(?P<index>\d+)\])?(?:\.(?P<sub>[a-z_]+))?$"
)
_WORD = re.compile(r"[0-9a-z]+")
_CODE_QUERY = re.compile(r"^\d[\d.]*$")

#: user-visible labels of the model's enumerations (translated when shown)
LEVEL_LABELS: dict[str, str] = {
    "commune": N_("Commune level"),
    "district": N_("District level"),
    "province": N_("Province level"),
    "ministry": N_("Ministry level"),
}
COPY_KIND_LABELS: dict[str, str] = {
    "original": N_("Original document"),
    "copy": N_("Copy of the document"),
    "certified_copy": N_("Certified copy"),
    "original_or_copy": N_("Original or copy"),
    "present": N_("Show the original (not submitted)"),
}
DELIVERY_LABELS: dict[str, str] = {
    "office": N_("At the office"),
    "post": N_("By post"),
    "online": N_("Online (electronic copy)"),
}

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
_COMMUNE_PREFIXES = ("ubnd xa ", "ubnd phuong ", "ubnd thi tran ", "ubnd dac khu ")
_GENERIC_COMMUNE_AGENCY = "ubnd cap xa"


# ---------------------------------------------------------------------------------------------
# Strict reading and validation


def _invalid(source: Path | None, where: str, problem: str) -> ValidationError:
    return ValidationError(
        _("invalid data in field {field}: {problem}").format(field=where, problem=problem),
        path=source,
    )


def _refuse_repeats(values: list[str], where: str, message: str, source: Path | None) -> None:
    """The first value met a second time is an error at its position (`where` has a {})."""
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise _invalid(source, where.format(i), message.format(value=value))
        seen.add(value)


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def read_strict_json(path: Path, *, max_bytes: int = MAX_CATALOG_BYTES) -> Any:
    """Parse a JSON data file, refusing duplicate keys; every failure names the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                _("the file is too large for a catalog ({size} MB)").format(
                    size=round(size / 1024 / 1024, 1)
                ),
                path=path,
            )
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(_("file not found"), path=path) from exc
    except IsADirectoryError as exc:
        raise InputError(_("a file is expected, not a folder"), path=path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(_("cannot read the file: {reason}").format(reason=exc), path=path) from exc
    try:
        return json.loads(text, object_pairs_hook=_refuse_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            _("not valid JSON (line {line}, column {col})").format(line=exc.lineno, col=exc.colno),
            path=path,
        ) from exc
    except _DuplicateKey as exc:
        raise _invalid(path, exc.key, _("the key appears twice")) from exc


def _check_unverified(entry: str, procedure: Procedure, where: str, source: Path | None) -> None:
    """An `unverified` entry names a field: "fee", "processing_time", "components[2].notes"."""
    match = _UNVERIFIED_PATTERN.match(entry)
    names = {f.name for f in dataclasses.fields(Procedure)}
    if not match or match["field"] not in names:
        raise _invalid(source, where, _("{value!r} does not name a field").format(value=entry))
    sub = match["sub"]
    if match["field"] == "components":
        index = match["index"]
        if index is None or int(index) >= len(procedure.components):
            problem = _("{value!r} does not name a component").format(value=entry)
            raise _invalid(source, where, problem)
        if sub and sub not in {f.name for f in dataclasses.fields(Component)}:
            raise _invalid(source, where, _("{value!r} does not name a field").format(value=entry))
    elif match["index"] is not None or (
        sub and not (match["field"] == "fee" and sub in {f.name for f in dataclasses.fields(Fee)})
    ):
        raise _invalid(source, where, _("{value!r} does not name a field").format(value=entry))


def _check_component(component: Component, where: str, source: Path | None) -> None:
    if not _ID_PATTERN.match(component.id):
        raise _invalid(
            source,
            f"{where}.id",
            _("{value!r} is not a valid id (lower-case letters, digits and dashes)").format(
                value=component.id
            ),
        )
    if not component.name.strip():
        raise _invalid(source, f"{where}.name", _("must not be empty"))
    if component.quantity < 1:
        raise _invalid(source, f"{where}.quantity", _("must be at least 1"))
    if not component.formats:
        raise _invalid(source, f"{where}.formats", _("must not be empty"))
    for i, fmt in enumerate(component.formats):
        if not _FORMAT_PATTERN.match(fmt):
            raise _invalid(
                source,
                f"{where}.formats[{i}]",
                _('{value!r} is not a file extension like "pdf"').format(value=fmt),
            )
    if component.form_template is not None and not _ID_PATTERN.match(component.form_template):
        raise _invalid(
            source,
            f"{where}.form_template",
            _("{value!r} is not a valid id (lower-case letters, digits and dashes)").format(
                value=component.form_template
            ),
        )


def _check_procedure(procedure: Procedure, where: str, source: Path | None) -> None:
    if not _CODE_PATTERN.match(procedure.code):
        raise _invalid(
            source,
            f"{where}.code",
            _('{value!r} is not a national procedure code like "1.001193"').format(
                value=procedure.code
            ),
        )
    for name in ("name", "field"):
        if not getattr(procedure, name).strip():
            raise _invalid(source, f"{where}.{name}", _("must not be empty"))
    for i, level in enumerate(procedure.service_levels):
        if not 1 <= level <= 4:
            raise _invalid(
                source, f"{where}.service_levels[{i}]", _("an online service level is 1 to 4")
            )
    if procedure.processing_days is not None and procedure.processing_days < 0:
        raise _invalid(source, f"{where}.processing_days", _("must not be negative"))
    if procedure.fee.amount_vnd is not None and procedure.fee.amount_vnd < 0:
        raise _invalid(source, f"{where}.fee.amount_vnd", _("must not be negative"))
    for i, component in enumerate(procedure.components):
        _check_component(component, f"{where}.components[{i}]", source)
    ids = [component.id for component in procedure.components]
    _refuse_repeats(
        ids, f"{where}.components[{{}}].id", _("component id {value!r} is used twice"), source
    )
    for i, entry in enumerate(procedure.unverified):
        _check_unverified(entry, procedure, f"{where}.unverified[{i}]", source)


def validate_catalog(catalog: Catalog, source: Path | None = None) -> Catalog:
    """Checks beyond types: code and id formats, no duplicate codes or component ids."""
    if not catalog.version.strip():
        raise _invalid(source, "version", _("must not be empty"))
    for i, procedure in enumerate(catalog.procedures):
        _check_procedure(procedure, f"procedures[{i}]", source)
    codes = [procedure.code for procedure in catalog.procedures]
    _refuse_repeats(
        codes, "procedures[{}].code", _("procedure code {value!r} is used twice"), source
    )
    return catalog


def read_catalog_file(path: Path) -> Catalog:
    """Load and validate one catalog file; an error names the file and the field."""
    path = Path(path)
    data = read_strict_json(path)
    catalog = load_dataclass(Catalog, data, source=path)
    return validate_catalog(catalog, path)


# ---------------------------------------------------------------------------------------------
# Search


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


# ---------------------------------------------------------------------------------------------
# The loaded catalog


class ProcedureCatalog:
    """Every known procedure (built-in, then imported), ready for search."""

    def __init__(
        self,
        procedures: Iterable[Procedure],
        *,
        version: str = "",
        sources: Iterable[Path] = (),
        warnings: Iterable[str] = (),
    ) -> None:
        self.procedures: tuple[Procedure, ...] = tuple(procedures)
        self.version = version
        self.sources: tuple[Path, ...] = tuple(sources)
        self.warnings: tuple[str, ...] = tuple(warnings)
        self._by_code = {p.code: p for p in self.procedures}
        self._order = {p.code: i for i, p in enumerate(self.procedures)}
        self._index = [_index_entry(p) for p in self.procedures]

    def __len__(self) -> int:
        return len(self.procedures)

    def find(self, code: str) -> Procedure | None:
        return self._by_code.get(code.strip())

    def get(self, code: str) -> Procedure:
        """The procedure with this national code; InputError when there is none."""
        procedure = self.find(code)
        if procedure is None:
            raise InputError(_("unknown procedure code: {code}").format(code=code))
        return procedure

    def search(self, query: SearchQuery | str = "") -> list[SearchHit]:
        """Procedures passing the filters, best match first; all of them for empty text."""
        if isinstance(query, str):
            query = SearchQuery(text=query)
        entries = [e for e in self._index if _passes_filters(e, query)]
        text = query.text.strip()
        if not _words(text):
            return [SearchHit(e.procedure, 0.0) for e in entries]
        if _CODE_QUERY.match(text):
            hits = [SearchHit(e.procedure, _code_score(e, text)) for e in entries]
            return _ranked([h for h in hits if h.score > 0], self._order)
        prepared = _PreparedText.of(text)
        wanted = len(prepared.words)
        scored = [(e, *_text_score(e, prepared)) for e in entries]
        complete = [(e, s, strong) for e, s, found, strong in scored if found == wanted]
        if not complete:  # no procedure has every word: those having most of them
            complete = [(e, s, strong) for e, s, found, strong in scored if found * 2 >= wanted]
        if any(strong for _e, _s, strong in complete):
            # words only in notes ("pháp y" for "sao y") are noise beside real matches
            complete = [item for item in complete if item[2]]
        return _ranked([SearchHit(e.procedure, s) for e, s, _strong in complete], self._order)

    def agencies(self) -> list[str]:
        return _unique(a for p in self.procedures for a in p.agencies)

    def fields(self) -> list[str]:
        return _unique(p.field for p in self.procedures)

    def levels(self) -> list[str]:
        present = {p.level for p in self.procedures}
        return [level for level in LEVEL_LABELS if level in present]


def is_unverified(procedure: Procedure, field: str, component: int | None = None) -> bool:
    """Was this value marked "(unverified)"? `component` is the 0-based component index."""
    marks = set(procedure.unverified)
    if component is None:
        return field in marks or any(m.startswith(f"{field}.") for m in marks)
    prefix = f"components[{component}]"
    return prefix in marks or f"{prefix}.{field}" in marks


def format_vnd(amount: int) -> str:
    """2000 -> '2.000 đ' in Vietnamese, '2,000 VND' in English."""
    from common.i18n import current_language, format_number

    return format_number(amount) + (" VND" if current_language() == "en" else " đ")


def fee_summary(fee: Fee) -> str:
    """One short line for lists: free, an amount, or set by the province."""
    if fee.amount_vnd is None:
        return _("Set by the province")
    if fee.amount_vnd == 0:
        return _("Free of charge")
    amount = format_vnd(fee.amount_vnd)
    return f"{amount}/{fee.unit}" if fee.unit else amount


def _ranked(hits: list[SearchHit], order: dict[str, int]) -> list[SearchHit]:
    """Best score first; equal scores keep the catalog's order (its author's priority)."""
    return sorted(hits, key=lambda h: (-h.score, order[h.procedure.code]))


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def builtin_catalog_files() -> list[Path]:
    return sorted(resource_path("catalog").glob("*.json"))


def imported_catalog_path(user_dir: Path) -> Path:
    return Path(user_dir) / IMPORTED_CATALOG_NAME


def _merge(builtin: list[tuple[Path, Catalog]], imported: Catalog | None) -> list[Procedure]:
    by_code: dict[str, Procedure] = {}
    first_source: dict[str, Path] = {}
    for path, catalog in builtin:
        for i, procedure in enumerate(catalog.procedures):
            if procedure.code in by_code:
                raise _invalid(
                    path,
                    f"procedures[{i}].code",
                    _("procedure code {value!r} is already in {other}").format(
                        value=procedure.code, other=first_source[procedure.code].name
                    ),
                )
            by_code[procedure.code] = procedure
            first_source[procedure.code] = path
    if imported is not None:
        for procedure in imported.procedures:
            by_code[procedure.code] = procedure  # the imported file is the newer word
    return list(by_code.values())


def load_catalog(user_dir: Path | None = None) -> ProcedureCatalog:
    """The built-in catalog, updated by the user's imported one when `user_dir` holds one.

    An invalid built-in file is a bug and raises. An imported file that became invalid (edited
    by hand) is left out and explained in `warnings`, so the app still works.
    """
    builtin = [(path, read_catalog_file(path)) for path in builtin_catalog_files()]
    imported: Catalog | None = None
    warnings: list[str] = []
    sources = [path for path, _catalog in builtin]
    if user_dir is not None:
        path = imported_catalog_path(user_dir)
        if path.exists():
            try:
                imported = read_catalog_file(path)
                sources.append(path)
            except InputError as exc:
                warnings.append(
                    _("The imported catalog was ignored: {reason}").format(
                        reason=exc.user_message()
                    )
                )
    versions = [catalog.version for _path, catalog in builtin]
    version = imported.version if imported is not None else (versions[-1] if versions else "")
    return ProcedureCatalog(
        _merge(builtin, imported), version=version, sources=sources, warnings=warnings
    )


class CatalogSource:
    """The catalog of one app: loaded once, loaded again only when the user's imported catalog
    file changed (imported, reset or edited). Building the search index on every lookup
    stalled the window; ignoring the imported file showed stale procedures."""

    def __init__(self, user_dir: Path | None = None) -> None:
        self.user_dir = Path(user_dir) if user_dir is not None else None
        self._lock = threading.Lock()
        self._catalog: ProcedureCatalog | None = None
        self._version: object = None

    def _imported_version(self) -> object:
        if self.user_dir is None:
            return None
        try:
            stat = imported_catalog_path(self.user_dir).stat()
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size)

    def catalog(self) -> ProcedureCatalog:
        """The built-in catalog updated by the imported one (safe from any thread)."""
        version = self._imported_version()
        with self._lock:
            if self._catalog is None or version != self._version:
                self._catalog = load_catalog(self.user_dir)
                self._version = version
            return self._catalog

    def procedure(self, code: str) -> Procedure | None:
        """The procedure of that code, None when not in the catalog (or it cannot be read)."""
        try:
            return self.catalog().find(code)
        except HosoError:
            return None

    def forget(self) -> None:
        """Load again on next use (after an import or a reset)."""
        with self._lock:
            self._catalog = None


def import_catalog(file: Path, user_dir: Path) -> ProcedureCatalog:
    """Validate `file` whole and make it the user's catalog; on any error nothing changes."""
    file = Path(file)
    read_catalog_file(file)  # raises before anything is written
    data = file.read_bytes()
    target = imported_catalog_path(user_dir)
    make_private_dir(Path(user_dir))
    atomic_write_bytes(target, data)
    return load_catalog(user_dir)


def remove_imported_catalog(user_dir: Path) -> bool:
    """Go back to the built-in catalog; True when an imported file was removed."""
    path = imported_catalog_path(user_dir)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise InputError(
            _("cannot remove the file: {reason}").format(reason=exc.strerror or exc), path=path
        ) from exc
    return True


# ---------------------------------------------------------------------------------------------
# Portal profiles

_NAMING_SAMPLE = {"index": 1, "slug": "To_khai", "component_id": "to-khai", "code": "1.001193"}


def _check_portal(profile: PortalProfile, path: Path) -> PortalProfile:
    if profile.id != path.stem:
        raise _invalid(path, "id", _("{value!r} must match the file name").format(value=profile.id))
    if profile.url and not profile.url.startswith("https://"):
        raise _invalid(path, "url", _("an https:// address is expected"))
    if not profile.formats:
        raise _invalid(path, "formats", _("must not be empty"))
    for i, fmt in enumerate(profile.formats):
        if not _FORMAT_PATTERN.match(fmt):
            raise _invalid(
                path,
                f"formats[{i}]",
                _('{value!r} is not a file extension like "pdf"').format(value=fmt),
            )
    if profile.max_file_mb <= 0:
        raise _invalid(path, "max_file_mb", _("must be more than 0"))
    if profile.max_name_length < 8:
        raise _invalid(path, "max_name_length", _("must be at least 8"))
    try:
        profile.naming.format(**_NAMING_SAMPLE)
    except (KeyError, IndexError, ValueError) as exc:
        raise _invalid(
            path,
            "naming",
            _(
                "unknown placeholder or bad format ({reason}); use {{index}}, {{slug}}, "
                "{{component_id}}, {{code}}"
            ).format(reason=exc),
        ) from exc
    names = {f.name for f in dataclasses.fields(PortalProfile)}
    for i, entry in enumerate(profile.unverified):
        if entry not in names:
            raise _invalid(
                path, f"unverified[{i}]", _("{value!r} does not name a field").format(value=entry)
            )
    return profile


def read_portal_file(path: Path) -> PortalProfile:
    path = Path(path)
    profile = load_dataclass(PortalProfile, read_strict_json(path), source=path)
    return _check_portal(profile, path)


def list_portals(folder: Path | None = None) -> list[PortalProfile]:
    """Every portal profile of `folder` (default: the built-in resources/portals), by id."""
    folder = Path(folder) if folder is not None else resource_path("portals")
    return [read_portal_file(path) for path in sorted(folder.glob("*.json"))]


def load_portal(portal_id: str, folder: Path | None = None) -> PortalProfile:
    for profile in list_portals(folder):
        if profile.id == portal_id:
            return profile
    raise InputError(_("unknown portal profile: {id}").format(id=portal_id))


__all__ = [
    "COPY_KIND_LABELS",
    "DELIVERY_LABELS",
    "LEVEL_LABELS",
    "CatalogSource",
    "ProcedureCatalog",
    "SearchHit",
    "SearchQuery",
    "fee_summary",
    "format_vnd",
    "import_catalog",
    "imported_catalog_path",
    "is_unverified",
    "list_portals",
    "load_catalog",
    "load_portal",
    "normalise_level",
    "read_catalog_file",
    "read_portal_file",
    "remove_imported_catalog",
    "validate_catalog",
]
