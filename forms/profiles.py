"""Citizen profiles: one JSON file per person in a folder the caller chooses.

The desktop passes desktop.paths.profiles_dir(); tests pass a temporary folder. Files are
written atomically and privately (they hold personal data) and validated strictly on load:
an unknown key, a wrong type or an invalid ID number is refused with the file and field named.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

from common.errors import InputError, ValidationError
from common.fsutil import ascii_slug, atomic_write_json, make_private_dir
from common.i18n import _
from common.schema import load_dataclass, read_json, to_jsonable
from forms.validate import check_value

PROFILE_SUFFIX = ".json"
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,80}$")


#: the answers a profile's fields take from a list (forms write them as they are here)
SEXES = ("Nam", "Nữ")
#: the 54 ethnic groups of Viet Nam, as the General Statistics Office names them (Kinh first)
ETHNIC_GROUPS = (
    "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "Mông", "Dao", "Gia Rai", "Ê Đê",
    "Ba Na", "Xơ Đăng", "Sán Chay", "Cơ Ho", "Chăm", "Sán Dìu", "Hrê", "Ra Glai", "Mnông",
    "Thổ", "Xtiêng", "Khơ Mú", "Bru - Vân Kiều", "Cơ Tu", "Giáy", "Tà Ôi", "Mạ",
    "Giẻ - Triêng", "Co", "Chơ Ro", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "Kháng",
    "Phù Lá", "La Hủ", "La Ha", "Pà Thẻn", "Lự", "Ngái", "Chứt", "Lô Lô", "Mảng", "Cơ Lao",
    "Bố Y", "Cống", "Si La", "Pu Péo", "Rơ Măm", "Brâu", "Ơ Đu",
)  # fmt: skip
NATIONALITIES = ("Việt Nam",)  # others are typed (the list offers the common answer first)


@dataclass(frozen=True)
class Profile:
    """What forms ask about a person. Dates are dd/mm/yyyy; every text is NFC."""

    id: str
    full_name: str
    other_name: str = ""
    date_of_birth: str = ""
    sex: str = ""
    ethnicity: str = ""
    religion: str = ""
    nationality: str = "Việt Nam"
    personal_id: str = ""
    old_id: str = ""
    id_issue_date: str = ""
    id_issue_place: str = ""
    permanent_residence: str = ""
    current_residence: str = ""
    hometown: str = ""
    place_of_birth: str = ""
    phone: str = ""
    email: str = ""
    occupation: str = ""
    education: str = ""
    marital_status: str = ""
    relationship: str = ""
    notes: str = ""
    version: int = 1

    def get(self, key: str) -> str:
        """The value for a profile key ('' when the profile does not have it)."""
        if key == "current_residence" and not self.current_residence:
            return self.permanent_residence
        if key == "year_of_birth":
            return self.date_of_birth[-4:] if re.search(r"\d{4}$", self.date_of_birth) else ""
        value = getattr(self, key, "") if key in PROFILE_FIELDS else ""
        return value if isinstance(value, str) else ""

    def as_dict(self) -> dict[str, object]:
        return to_jsonable(self)


PROFILE_FIELDS = tuple(
    f.name for f in dataclasses.fields(Profile) if f.name not in ("id", "version")
)


def _nfc(profile: Profile) -> Profile:
    changes = {
        f.name: unicodedata.normalize("NFC", getattr(profile, f.name)).strip()
        for f in dataclasses.fields(profile)
        if isinstance(getattr(profile, f.name), str)
    }
    return dataclasses.replace(profile, **changes)


def check_profile(profile: Profile, source: Path | str | None = None) -> Profile:
    """NFC-normalize and validate; raises ValidationError naming the field."""
    profile = _nfc(profile)
    if not _ID_PATTERN.fullmatch(profile.id):
        raise ValidationError(_("invalid profile id {id!r}").format(id=profile.id), path=source)
    if not profile.full_name:
        raise ValidationError(
            _("invalid data in field {field}: {problem}").format(
                field="full_name", problem=_("required field is missing")
            ),
            path=source,
        )
    for name in PROFILE_FIELDS:
        problem = check_value(name, profile.get(name)) if name != "current_residence" else None
        if problem:
            raise ValidationError(
                _("invalid data in field {field}: {problem}").format(field=name, problem=problem),
                path=source,
            )
    return profile


def profile_from_dict(data: object, source: Path | str | None = None) -> Profile:
    return check_profile(load_dataclass(Profile, data, source=source), source)


def load_profile(path: Path) -> Profile:
    """Read one profile file (any folder), strictly."""
    data = read_json(Path(path))
    if isinstance(data, dict) and "id" not in data:
        data = {**data, "id": ascii_slug(Path(path).stem.lower(), sep="-") or "profile"}
    return profile_from_dict(data, source=path)


def new_profile_id(full_name: str) -> str:
    slug = ascii_slug(full_name.lower(), max_length=40, sep="-") or "nguoi"
    return f"{slug}-{uuid.uuid4().hex[:6]}"


class ProfileStore:
    """Create, read, update and delete the profiles of one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, profile_id: str) -> Path:
        if not _ID_PATTERN.fullmatch(profile_id):
            raise InputError(_("invalid profile id {id!r}").format(id=profile_id))
        return self.folder / f"{profile_id}{PROFILE_SUFFIX}"

    def list(self) -> list[Profile]:
        """Every valid profile, sorted by name; broken files are skipped (see `problems`)."""
        profiles, _problems = self.scan()
        return profiles

    def scan(self) -> tuple[list[Profile], list[ValidationError]]:
        profiles: list[Profile] = []
        problems: list[ValidationError] = []
        if not self.folder.is_dir():
            return profiles, problems
        for path in sorted(self.folder.glob(f"*{PROFILE_SUFFIX}")):
            try:
                profiles.append(load_profile(path))
            except ValidationError as exc:
                problems.append(exc)
        profiles.sort(key=lambda p: (p.full_name.casefold(), p.id))
        return profiles, problems

    def get(self, profile_id: str) -> Profile:
        path = self._path(profile_id)
        if not path.exists():
            raise InputError(_("no profile with id {id!r}").format(id=profile_id), path=path)
        return load_profile(path)

    def save(self, profile: Profile) -> Path:
        """Create or replace a profile (validated first, written atomically)."""
        profile = check_profile(profile)
        make_private_dir(self.folder)
        path = self._path(profile.id)
        atomic_write_json(path, to_jsonable(profile))
        return path

    def add(self, **values: str) -> Profile:
        """A new profile with a fresh id."""
        profile = Profile(id=new_profile_id(values.get("full_name", "")), **values)
        self.save(profile)
        return check_profile(profile)

    def delete(self, profile_id: str) -> None:
        path = self._path(profile_id)
        try:
            path.unlink()
        except FileNotFoundError as exc:
            raise InputError(
                _("no profile with id {id!r}").format(id=profile_id), path=path
            ) from exc
