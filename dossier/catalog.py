"""The procedure catalog: strict loading, portal-like search, import of an updated file.

Built-in data: resources/catalog/*.json (one `Catalog` each) and resources/portals/<id>.json.
A catalog imported by the user lives in `<user folder>/catalog.json` (the desktop passes
`desktop.paths.data_dir() / "catalog"`); its procedures replace built-in ones with the same
code and add new ones.

Search works like the portal's "Dịch vụ công" tab: filters by agency, level, field and online
service level, plus free text matched case- and accent-insensitively ("dang ky khai sinh" finds
"Đăng ký khai sinh") and ranked: name before keywords before the rest of the text.

The parts live beside: catalog_json (strict JSON reading), catalog_search (the search),
catalog_labels (labels, fees in đồng), portals (portal profiles); their names are
re-exported here. Only the standard library and `common` are imported, so loading the catalog
stays fast.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Iterable
from pathlib import Path

from common.errors import HosoError, InputError
from common.fsutil import atomic_write_bytes, make_private_dir
from common.i18n import _
from common.resources import resource_path
from common.schema import load_dataclass
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
    COPY_KIND_LABELS,
    DELIVERY_LABELS,
    LEVEL_LABELS,
    fee_summary,
    format_vnd,
    is_unverified,
)
from dossier.catalog_model import Catalog, Component, Fee, Procedure
from dossier.catalog_search import (  # noqa: F401
    _CODE_QUERY,
    _COMMUNE_PREFIXES,
    _GENERIC_COMMUNE_AGENCY,
    _LEVEL_ALIASES,
    _WORD,
    SearchHit,
    SearchQuery,
    _agency_matches,
    _code_score,
    _fold_agency,
    _index_entry,
    _IndexEntry,
    _passes_filters,
    _PreparedText,
    _ranked,
    _text_score,
    _unique,
    _Vocabulary,
    _word_score,
    _words,
    normalise_level,
    with_local_agency,
)
from dossier.portals import (  # noqa: F401
    _NAMING_SAMPLE,
    _check_portal,
    list_portals,
    load_portal,
    read_portal_file,
)

IMPORTED_CATALOG_NAME = "catalog.json"

_CODE_PATTERN = re.compile(r"^\d\.\d{6}$")
_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_UNVERIFIED_PATTERN = re.compile(
    r"^(?P<field>[a-z_]+)(?:\[(?P<index>\d+)\])?(?:\.(?P<sub>[a-z_]+))?$"
)


# ---------------------------------------------------------------------------------------------
# Strict reading and validation


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
