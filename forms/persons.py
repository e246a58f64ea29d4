"""Who and what every blank of a flat form is about, read from the form's text alone.

The reader walks the lines of a form top to bottom and keeps the *block* it is in: a heading or
lead-in that names a person ("Thông tin người được khai sinh", "NGƯỜI ĐƯỢC ỦY QUYỀN", "Bên ủy
quyền", "Thông tin về người mẹ", "… của người có tên dưới đây:") starts that person's block,
which lasts until the next one. A label that names a person ("Họ, chữ đệm, tên người mẹ")
starts that person's block too; a second name blank in one block starts a new person ("1. Ông
(Bà): …", "2. Ông (Bà): …"). Before any heading the form speaks of the one who fills it in
(the requester). Blanks for the office ("Xác nhận của …", "Phần dành cho cơ quan …") belong to
nobody and are never filled.

A blank's meaning comes from its label (forms.meaning), checked against its context: an issue
date or place is the ID card's only when the line speaks of an ID card; a bare "Địa chỉ" after an
organisation's name is the organisation's. "Today" only goes in the place-and-date line of the
signature ("…, ngày … tháng … năm …"). What is not known with confidence stays empty.

The entry point takes plain text so PDF and Word forms share it:
    label = "Họ, chữ đệm, tên người mẹ"
    readings = read_lines([TextLine(f"{label}: ……", (TextBlank(label),)), ...])
one `Reading` per blank, in order.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from common.fsutil import fold

REQUESTER = "requester"
OFFICIAL = "official"  # blanks the office fills in: never filled, never asked of the person
#: the persons a form can be about (besides "other:N", numbered in order of appearance)
PERSONS = (
    "requester", "child", "mother", "father", "deceased", "spouse", "grantor", "grantee",
    "insured", "employer", "guardian", "ward", "witness",
)  # fmt: skip
#: keys about the form itself, not a person
FORM_KEYS = ("today", "signing_place", "receiver")
MIN_PERSON_CONFIDENCE = 0.6

#: phrases naming a person, longest first within the table (accented, lower case); a phrase
#: of one short word is matched with its accents only ("con" is not "còn")
PERSON_PHRASES: dict[str, tuple[str, ...]] = {
    "grantee": ("người được ủy quyền", "bên được ủy quyền", "bên nhận ủy quyền"),
    "grantor": ("người ủy quyền", "bên ủy quyền", "bên giao ủy quyền"),
    "deceased": (
        "người được khai tử", "khai tử cho người", "người đã chết", "người chết",
        "người đã mất", "người từ trần", "người đã từ trần", "người hưởng đã từ trần",
        "đã từ trần", "người quá cố",
    ),
    "child": (
        "người được khai sinh", "khai sinh cho người", "người con", "trẻ em", "con", "trẻ",
        "người được nhận làm con nuôi", "con nuôi",
    ),
    "mother": ("người mẹ", "mẹ", "thông tin về mẹ"),
    "father": ("người cha", "cha", "bố"),
    "spouse": ("vợ (chồng)", "vợ/chồng", "vợ, chồng", "vợ", "chồng", "bên nam", "bên nữ"),
    "ward": ("người được giám hộ",),
    "guardian": ("người giám hộ",),
    "insured": ("người tham gia bảo hiểm", "người tham gia bhxh", "người được bảo hiểm"),
    "employer": ("người sử dụng lao động", "đơn vị sử dụng lao động"),
    "witness": ("người làm chứng",),
    "requester": (
        "người yêu cầu", "người đề nghị", "người làm đơn", "người viết đơn", "người đứng đơn",
        "người nộp đơn", "người khai", "người kê khai", "người đi đăng ký", "người báo cáo",
        "người cam kết", "người khởi kiện", "người khiếu nại", "người tố cáo", "người xin",
        "người nộp hồ sơ", "người làm thủ tục", "em là", "em tên là", "tên em là",
        "tôi tên là", "tên tôi là", "tôi là", "tôi",
    ),
}  # fmt: skip
#: someone the form names without a profile role: each mention is a new person
OTHER_PHRASES = (
    "người có tên dưới đây", "người có tên sau đây", "người dưới đây", "người sau đây",
    "người bị kiện", "người bị khiếu nại", "người bị tố cáo", "người có quyền lợi",
    "người thân", "thân nhân", "người thứ", "người liên hệ", "em",
    "người đại diện theo pháp luật", "người đại diện hợp pháp", "người đại diện", "người đdhp",
    "chủ xe", "chủ sở hữu", "chủ phương tiện", "chủ hộ", "chủ nhà",
)  # fmt: skip
#: phrases that name a new person each time they are used
_NEW_EACH_TIME = {
    fold(p) for p in ("người có tên dưới đây", "người có tên sau đây", "người dưới đây",
                      "người sau đây", "người thứ")
}  # fmt: skip
#: a lead-in ending like this introduces the next person ("… là con của:", "… gồm:")
_NEXT_PERSON = re.compile(r"(?:\bcủa|dưới đây|sau đây|như sau|gồm)\s*[:.]?\s*$")
#: "… như sau:", "… gồm:" introduce persons only when the lead-in speaks of people ("thân nhân
#: là … người, gồm:"), not for a list of things ("hỗ trợ tiền và gạo …, gồm:", "Sự việc cụ thể
#: như sau:"); "cấp … cho chuyên gia …, cụ thể như sau:" names someone
_LIST_END = re.compile(r"(?:như sau|gồm)\s*[:.]?\s*$")
_PEOPLE_WORD = re.compile(
    r"\b(?:người|thân nhân|thành viên|ông|bà|anh|chị|em|con|cháu|cha|mẹ|bố|vợ|chồng|cho)\b"
)
_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[a-zđ]|[ivx]+)[.)]\s", re.IGNORECASE)
_OF_WHOM = re.compile(r"\bcủa\s*((?:em|ông|bà|anh|chị|cháu|con|ông \(bà\)|ông/bà)?)\s*$")
_ENDS_WITH_NAME = re.compile(r"(?:\bông \(bà\)|\bông/bà|\bbà/ông|\bhọ và tên|\bhọ tên)$")
_DECISION_NUMBER = re.compile(r"^số\b.*/\s*qđ\b")
_ABOUT_SOMEONE = re.compile(
    r"(?:thông tin|phần)\s+(?:về\s+|của\s+)?((?:người|bên)\s+\S+(?:\s+\S+)?)"
)
#: headings of parts the office fills in
OFFICIAL_PHRASES = (
    "xác nhận của", "xét duyệt của", "ý kiến của", "phê duyệt của", "phần dành cho",
    "dành cho cơ quan", "phần ghi của", "cán bộ tiếp nhận", "kết quả giải quyết",
    "xác nhận của cơ quan", "cơ quan tiếp nhận", "phần xét duyệt",
)  # fmt: skip
#: labels of a receipt's processing items, the office's when a label starts with them
PROCESSING_PHRASES = ("thời hạn giải quyết", "thời gian nhận hồ sơ")
_ID_WORDS = re.compile(
    r"\b(?:cmnd|cccd|chứng minh|căn cước|định danh|giấy tờ tùy thân|giấy tờ tuỳ thân)\b"
)
_OTHER_DOCUMENT = re.compile(
    r"\b(?:hộ chiếu|passport|giấy phép|bằng lái|quyết định|chứng chỉ|chứng nhận|văn bằng|"
    r"thị thực|visa|giấy đăng ký|hợp đồng|sổ|thẻ bhyt|thẻ bảo hiểm)\b"
)
_ORGANISATION = re.compile(
    r"\b(?:cơ quan|đơn vị|trường|công ty|doanh nghiệp|tổ chức|trụ sở|cơ sở|nơi làm việc|"
    r"nơi công tác|bệnh viện|ngân hàng|chi nhánh|văn phòng)\b"
)
_ADDRESS_PART = re.compile(r"\b(?:thôn|bản|ấp|tổ|xóm|số nhà|đường|phường|xã|quận|huyện|tỉnh)\b")
_CAPITALS = re.compile(r"chữ in hoa|in hoa|viết hoa|chữ hoa")
_IN_WORDS = re.compile(r"\b(?:ghi )?bằng chữ\b")


@dataclass(frozen=True)
class TextBlank:
    """One blank as text: the words printed before it on its line (after the previous blank),
    and its kind: 'line', 'date' (ngày … tháng … năm …), 'boxes' or 'checkbox'."""

    label: str
    kind: str = "line"


@dataclass(frozen=True)
class TextLine:
    """One printed line: its whole text and its blanks, left to right (none for a heading)."""

    text: str
    blanks: tuple[TextBlank, ...] = ()


@dataclass(frozen=True)
class Reading:
    key: str | None
    person: str | None  # None: unknown, or the form itself (see FORM_KEYS); "official": office
    confidence: float  # of the meaning
    person_confidence: float = 0.0
    block: str = ""  # the heading the blank is under ('' before any)
    capitals: bool = False  # the label asks for capital letters
    in_words: bool = False  # "ghi bằng chữ": the date of `key` written in words


def vn(text: str) -> str:
    """Lower case NFC with one placement of tone marks ("uỷ" = "ủy"), punctuation as spaces."""
    text = unicodedata.normalize("NFC", text).lower()
    for old, new in _TONE_PLACEMENT.items():
        text = text.replace(old, new)
    text = re.sub(r"\((?:\d+|\*)\)|\*", " ", text)
    text = re.sub(r"[^\w()/]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_TONE_PLACEMENT = {
    "uỷ": "ủy", "uý": "úy", "uỵ": "ụy", "uỳ": "ùy", "uỹ": "ũy", "oà": "òa", "oá": "óa",
    "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe",
    "oẹ": "ọe",
}  # fmt: skip


@cache
def _phrase_patterns() -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    """(person, pattern, folded?) longest phrase first; short words only with accents."""
    entries: list[tuple[str, str]] = [(p, vn(w)) for p, ws in PERSON_PHRASES.items() for w in ws]
    entries += [("other", vn(w)) for w in OTHER_PHRASES]
    entries.sort(key=lambda e: len(e[1]), reverse=True)
    out = []
    for person, phrase in entries:
        pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
        out.append((person, pattern, False))
        if " " in phrase:  # long phrases also without accents
            folded = fold(phrase)
            out.append((person, re.compile(rf"(?<!\w){re.escape(folded)}(?!\w)"), True))
    return tuple(out)


@dataclass(frozen=True)
class Mention:
    person: str  # a PERSONS name or "other"
    phrase: str
    start: int
    end: int
    object_only: bool  # "quan hệ với X", "cho con tôi": X is not who the line is about


def mentions(text: str) -> list[Mention]:
    """The persons a text names, left to right (each span once, longest phrase first)."""
    plain = vn(text)
    folded = fold(plain)
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for person, pattern, is_folded in _phrase_patterns():
        for match in pattern.finditer(folded if is_folded else plain):
            a, b = match.span()
            if any(a < y and b > x for x, y in taken):
                continue
            taken.append((a, b))
            before = plain[max(0, a - 12) : a]
            obj = bool(re.search(r"\b(?:với|về việc|cho|nhận|nuôi)\s*$", before))
            found.append(Mention(person, fold(match.group(0)), a, b, obj))
    found.sort(key=lambda m: m.start)
    return found


@dataclass
class _State:
    person: str | None = REQUESTER
    confidence: float = 0.8
    block: str = ""
    names: int = 0  # name blanks seen in this block
    others: int = 0
    official: bool = False
    last_key: str | None = None
    last_person: str | None = None
    seen: dict[str, int] = field(default_factory=dict)
    other_by_phrase: dict[str, str] = field(default_factory=dict)
    inline: bool = False  # the person was named by a label, not by a heading
    previous: TextLine | None = None  # the line above
    heading: tuple[str | None, float] = (REQUESTER, 0.8)

    def switch(
        self, person: str, block: str, confidence: float, phrase: str = "", inline: bool = False
    ) -> None:
        if person == "other":
            if phrase and phrase not in _NEW_EACH_TIME and phrase in self.other_by_phrase:
                person = self.other_by_phrase[phrase]  # "… của chủ hộ" after "Quan hệ với chủ hộ"
            else:
                self.others += 1
                person = f"other:{self.others}"
                if phrase:
                    self.other_by_phrase[phrase] = person
        self.person, self.confidence = person, confidence
        self.names, self.official, self.last_key = 0, False, None
        self.inline = inline
        if person == REQUESTER and phrase.startswith(("em ", "ten em")):
            self.other_by_phrase["em"] = REQUESTER  # "Em là: …": the pupil writes
        if not inline:
            self.block = block
            self.heading = (person, confidence)

    def back_to_heading(self) -> None:
        """A numbered item after one that named a person: back to the heading's person."""
        if self.inline:
            (self.person, self.confidence), self.inline = self.heading, False
            self.names, self.last_key = 0, None


def _heading_person(text: str) -> tuple[str, str] | None:
    """(person, phrase) a heading line or a lead-in starts the block of, or None."""
    plain = vn(text)
    if not plain:
        return None
    if _LIST_END.search(plain) and not _PEOPLE_WORD.search(plain):
        return None
    if _NEXT_PERSON.search(plain.rstrip(" :")) and not re.search(r"\btôi\b", plain[-12:]):
        subject = [m for m in mentions(plain) if not m.object_only]
        tail = plain.rsplit(" của ", 1)[-1] if " của " in plain else ""
        named = list(mentions(tail)) if tail else []
        if named:
            return named[-1].person, named[-1].phrase
        if re.search(r"\bcủa\s*[:.]?\s*$", plain):
            return "other", ""  # "Là con nuôi của:": the next one is whose child it is
        bare = re.sub(r"\b(?:có tên )?(?:dưới|sau) đây\b", " ", plain)
        known = [m for m in mentions(bare) if not m.object_only and m.person != "other"]
        if known:  # "Đề nghị … đăng ký khai sinh cho người dưới đây:"
            return known[-1].person, known[-1].phrase
        if re.search(r"\bcủa\s*$|dưới đây|sau đây", plain) or not subject:
            return "other", ""
    found = [m for m in mentions(plain) if not m.object_only]
    if len({m.person for m in found}) >= 3:
        return None  # "… của cha, mẹ, vợ, chồng, con:": several people, no one part
    if found:
        return found[0].person, found[0].phrase
    about = _ABOUT_SOMEONE.match(re.sub(_NUMBERED, "", text + " ").strip().lower())
    if about:  # "B. Thông tin về người chưa đủ 14 tuổi …": someone else
        return "other", fold(about.group(1))
    return None


def _is_official(text: str) -> bool:
    plain = vn(text)
    if any(plain.startswith(vn(p)) or f" {vn(p)}" in f" {plain}" for p in OFFICIAL_PHRASES):
        return True
    glued = plain.replace(" ", "")  # words a PDF's text glued together ("hồsơ")
    return any(glued.startswith(vn(p).replace(" ", "")) for p in OFFICIAL_PHRASES) or any(
        glued.startswith(vn(p).replace(" ", "")) for p in PROCESSING_PHRASES
    )


_LEAD = r"[….·_‥]"
_SIGNATURE_DATE = re.compile(
    rf"(?:^|,|\btại\s*{_LEAD}*|^\s*{_LEAD}+)\s*,?\s*ngày\s*{_LEAD}+\s*tháng\s*{_LEAD}+\s*"
    rf"năm\s*(?:\d{{2}})?\s*{_LEAD}+\s*$"
)


def _is_signature_date(line: TextLine, index: int, previous: TextLine | None = None) -> bool:
    """'…, ngày … tháng … năm …' (also 'Làm tại …, ngày …', 'Hà Nội, ngày …') ending the line;
    not a date after a blank wrapped from the line above ('Cơ quan cấp …… / …… ngày …')."""
    blank = line.blanks[index]
    if blank.kind != "date" or index != len(line.blanks) - 1:
        return False
    text = unicodedata.normalize("NFC", line.text).lower().strip()
    wrapped = previous is not None and previous.blanks and re.match(rf"{_LEAD}", text)
    if wrapped and re.search(rf"{_LEAD}\s*$", previous.text.strip()) and "," not in text[:60]:
        return False
    text = re.sub(r"[ \t]+", " ", text)
    match = _SIGNATURE_DATE.search(text)
    if not match:
        return False
    before = re.sub(rf"{_LEAD}+", " ", text[: match.start()]).strip(" ,:")
    if not before or re.search(r"\b(?:làm tại|tại|lam tai)$", before):
        return True
    # a place name before the comma ('Hà Nội, ngày …'), or the right column of a signature
    words = re.sub(rf"{_LEAD}+", " ", before).split()
    return len(words) <= 4 and ":" not in before and not re.search(r"\d", before)


def _receiver(label: str) -> bool:
    return bool(re.match(r"kính gửi\b", vn(label)))


def _key_in_context(key: str | None, label: str, line: TextLine, state: _State) -> str | None:
    """The key unless the context says the label is about something else."""
    plain, text = vn(label), vn(line.text)
    if key in ("id_issue_date", "id_issue_place"):
        context = text if _ID_WORDS.search(text) else plain
        if (_OTHER_DOCUMENT.search(context) and not _ID_WORDS.search(context)) or not (
            _ID_WORDS.search(context) or state.last_key in ("personal_id", "old_id")
        ):
            return None
    if (
        key in ("personal_id", "old_id")
        and _OTHER_DOCUMENT.search(plain)
        and not _ID_WORDS.search(plain)
    ):
        return None
    if key in ("current_residence", "phone", "email") and _ORGANISATION.search(plain):
        return None
    if key in ("current_residence", "phone", "email") and plain in (
        "địa chỉ", "số điện thoại", "điện thoại", "email", "e mail", "địa chỉ liên hệ",
    ) and state.last_key is None and state.names == 0 and state.block:  # fmt: skip
        return None  # "Tên cơ quan: …" then "Địa chỉ: …": the organisation's
    if (
        key in ("current_residence", "phone", "email")
        and state.last_key is None
        and state.seen.get("org")
    ):
        return None  # "Tên cơ sở đào tạo: …", "Địa chỉ: …", "Số điện thoại: …"
    if key == "full_name" and _ORGANISATION.search(plain):
        return None
    if key == "phone" and re.search(r"\bcố định\b|\bfax\b|người thân", plain):
        return None
    if key in ("current_residence", "permanent_residence") and _ADDRESS_PART.search(plain):
        return None  # "Thường trú tại thôn/bản": one part of the address
    if key in ("id_issue_date", "id_issue_place") and re.search(r"\bngày\b.*\bnơi\b", plain):
        return None  # "Ngày và nơi cấp": two things in one blank
    return key


def read_lines(lines: Sequence[TextLine]) -> list[Reading]:
    """One reading per blank of `lines` (in order): meaning, person, block and how to write."""
    from forms.meaning import understand

    state = _State()
    out: list[Reading] = []
    previous: TextLine | None = None
    for line in lines:
        state.previous, previous = previous, line
        if not line.blanks:
            _heading(line.text, state)
            continue
        first_label = line.blanks[0].label
        if _DECISION_NUMBER.search(vn(line.text)):
            state.switch(OFFICIAL, line.text, 0.9)  # "Số: …/QĐ-…": a decision the office writes
        if _NUMBERED.match(line.text) and not [
            m for m in mentions(first_label) if not m.object_only
        ]:
            state.back_to_heading()
        if _is_official(first_label) and not _receiver(first_label):
            state.switch(OFFICIAL, line.text, 0.9)
            state.official = True
        for index, blank in enumerate(line.blanks):
            out.append(_read_blank(line, index, blank, state, understand))
        tail = _tail(line)
        if tail:
            _heading(tail, state)
    return out


def _asks_capitals(line: TextLine, index: int) -> bool:
    """'Họ và tên (viết chữ in hoa): ……' or '…… (viết chữ in hoa)' right after the blank."""
    label = line.blanks[index].label
    after = line.blanks[index + 1].label if index + 1 < len(line.blanks) else _tail(line)
    if _CAPITALS.search(vn(label)):
        return not re.match(r"\s*\(", label) or index == 0
    return bool(re.match(r"\s*\([^)]*(?:in hoa|viết hoa|chữ hoa)", after.lower()))


def _tail(line: TextLine) -> str:
    """What a line prints after its last blank (a lead-in to the next block)."""
    text = line.text
    last = max((text.rfind(ch) for ch in ("…", "....", "___")), default=-1)
    if last < 0:
        return ""
    tail = re.sub(r"^[….·_\s]+", "", text[last:])
    return tail if len(tail) > 3 else ""


def _heading(text: str, state: _State) -> None:
    if _is_official(text) or (vn(text) == "quyết định" and state.names == 0):
        state.switch(OFFICIAL, text, 0.9)
        state.official = True
        return
    found = _heading_person(text)
    if found is not None:
        state.switch(found[0], text, 0.9, found[1])
    elif _ORGANISATION.search(vn(text)) and re.search(r"\bthông tin\b", vn(text)):
        state.switch("other", text, 0.5)  # "Thông tin về cơ quan …": not a person we know
    elif _NUMBERED.match(text):
        state.back_to_heading()  # "22. Yêu cầu của công dân:" after "21. … của chủ hộ"


def _read_blank(line: TextLine, index: int, blank: TextBlank, state: _State, understand) -> Reading:
    label = blank.label
    plain = vn(label)
    caps = _asks_capitals(line, index)
    if _receiver(label) or (index == 0 and _receiver(line.text) and not plain):
        return Reading("receiver", None, 0.9, block=state.block)
    if _is_signature_date(line, index, state.previous):
        state.official = False if state.person != OFFICIAL else state.official
        if state.person == OFFICIAL:
            return Reading(None, OFFICIAL, 0.0, 0.9, block=state.block)
        return Reading("today", None, 0.9, block=state.block)
    place_label = re.search(r"\b(?:làm tại|tại)$", plain) or not plain or len(plain.split()) > 3
    if (
        place_label
        and index + 1 < len(line.blanks)
        and _is_signature_date(line, index + 1, state.previous)
    ):
        if state.person == OFFICIAL:
            return Reading(None, OFFICIAL, 0.0, 0.9, block=state.block)
        return Reading("signing_place", None, 0.8, block=state.block)
    if state.person == OFFICIAL:
        return Reading(None, OFFICIAL, 0.0, 0.9, block=state.block, capitals=caps)
    if blank.kind.startswith("row:"):
        # a cell of a table of people ("Những thành viên trong hộ gia đình"): the column header
        # says what, the row says who (member:1 for the first row ...)
        meaning = understand(label)
        member = f"member:{blank.kind.split(':', 1)[1]}"
        key = meaning.key if meaning.key not in FORM_KEYS else None
        return Reading(key, member, meaning.confidence if key else 0.0, 0.9, state.block, caps)
    if _IN_WORDS.search(plain):
        previous = out_key = state.last_key
        if previous in ("date_of_birth", "id_issue_date"):
            return Reading(out_key, state.last_person, 0.8, state.confidence, state.block,
                           caps, in_words=True)  # fmt: skip
        return Reading(None, state.person, 0.0, state.confidence, state.block, caps)
    meaning = understand(label)
    key = meaning.key
    if key is None and _ENDS_WITH_NAME.search(plain):
        key = "full_name"  # "… đã từ trần là Ông (Bà): …"
    if key is None and blank.kind == "date" and re.search(r"\bcấp$", plain):
        key = "id_issue_date"  # "Số CMND: … cấp ngày … tháng … năm …" (checked in context)
    person_mentions = [m for m in mentions(label) if not m.object_only]
    if key is None and person_mentions:
        # "Số CCCD/CMND/Hộ chiếu của người làm thủ tục": the key without the person's words
        first = person_mentions[0]
        bare = re.sub(r"\b(?:của|về)\s*$", "", plain[: first.start]).strip()
        if bare:
            again = understand(bare)
            key = again.key
            meaning = again if key else meaning
    of_whom = _OF_WHOM.search(plain)
    before_of = plain[: of_whom.start()] if of_whom else ""
    if of_whom and key is None and (mentions(before_of) or before_of.startswith("là ")):
        # "Là cha/mẹ (hoặc người giám hộ) của em: …": the name of the one after "của"
        after = [m for m in mentions(of_whom.group(1) or "")]
        person, phrase = (after[-1].person, after[-1].phrase) if after else ("other", "")
        state.switch(person, label, 0.85, phrase, inline=True)
        state.names, state.last_key, state.last_person = 1, "full_name", state.person
        return Reading("full_name", state.person, 0.8, 0.85, state.block, caps)
    alternatives = re.search(r"\bhoặc\b|\)\s*$|\(\s*(?:cha|mẹ|bố|vợ|chồng)", plain)
    if len({m.person for m in person_mentions}) >= 2 and key == "full_name" and alternatives:
        # "Họ và tên bố (mẹ) hoặc người đại diện hợp pháp": one person, whoever signs
        state.switch("other", label, 0.7, inline=True)
        state.names, state.last_key, state.last_person = 1, key, state.person
        return Reading(key, state.person, meaning.confidence, 0.7, state.block, caps)
    if len({m.person for m in person_mentions}) >= 2 and not _is_list(plain, person_mentions):
        person_mentions = person_mentions[-1:]  # "Tôi làm đơn …, để em …": the last one named
    if len({m.person for m in person_mentions}) >= 2:
        # "… của cha, mẹ, vợ, chồng, con": about several people, for the person to write
        state.last_key = None
        return Reading(None, None, 0.0, 0.0, state.block, caps)
    named = person_mentions[-1].person if person_mentions else None
    phrase = person_mentions[-1].phrase if person_mentions else ""
    if _speaks_for_organisation(person_mentions, plain, state):
        named = state.person  # "Người đại diện theo pháp luật" of the company above: its party
    rest = plain
    for m in person_mentions:
        rest = rest.replace(vn(label)[m.start : m.end], " ")
    rest = re.sub(r"\b(?:họ và tên|họ tên|ông|bà|anh|chị|\(|\)|/)\b", " ", rest).strip(" ()/")
    rest = re.sub(r"\(?nếu có\)?", " ", rest).strip()
    starts = bool(person_mentions) and plain.startswith(vn(label)[person_mentions[0].start :])
    starts = starts or (bool(person_mentions) and person_mentions[0].start == 0)
    short = not rest or len(rest.split()) <= 2 or (starts and len(rest.split()) <= 6)
    if phrase == "toi":
        short = not rest or rest in ("là", "tên là")  # "Tôi cam đoan việc nhận …" is no name
    person_label = bool(named and key is None and short)
    if person_label:
        key = "full_name"  # "Người khởi kiện: …", "Người được ủy quyền: …"
    if meaning.role and meaning.role not in ("other",) and named is None:
        named = meaning.role
    key = _key_in_context(key, label, line, state)
    if key in FORM_KEYS:
        key = None  # today only in the signature line (above); receiver only after "Kính gửi"
    temporary: str | None = None
    if named is not None and key not in ("full_name", "other_name") and not person_label:
        # "Số điện thoại người thân", "Ngày sinh của cha": that person, for this blank only
        temporary = _known_person(named, phrase, state)
    elif named is not None:
        same_other = named == "other" and state.other_by_phrase.get(phrase) == state.person
        if (named != state.person and not same_other) or (key == "full_name" and state.names):
            state.switch(named, label, 0.95, phrase, inline=True)
    elif key == "full_name" and state.names and _looks_like_new_person(plain):
        state.switch("other", label, 0.85)
    if key is None and _ORGANISATION.search(plain) and index == 0:
        state.seen["org"] = 1
    elif key is not None:
        state.seen["org"] = 0
    if key == "full_name":
        state.names += 1
    person = temporary or state.person
    confidence = 0.9 if temporary else state.confidence
    id_keys = ("personal_id", "old_id", "id_issue_date", "id_issue_place")
    follows_id = not temporary and state.last_key in id_keys and state.last_person != person
    if follows_id and (key in id_keys or len(plain.split()) <= 2):
        person = state.last_person  # "Số CCCD của người làm thủ tục …" / "cấp ngày … tại …"
    objects = [m for m in mentions(label) if m.object_only]
    if key == "relationship" and objects and _resolve(objects[-1], state) == person:
        # "Quan hệ với chủ hộ" right after "Họ, chữ đệm và tên của chủ hộ": the relation of the
        # one the part is about, never of the person named after "với"
        heading = state.heading[0]
        person = heading if heading not in (None, OFFICIAL, person) else REQUESTER
    if key == "relationship" and person is None:
        person = REQUESTER
    state.last_key = key
    state.last_person = person
    return Reading(key, person, meaning.confidence if key else 0.0, confidence, state.block, caps)


def _speaks_for_organisation(found: list[Mention], plain: str, state: _State) -> bool:
    """'Người đại diện theo pháp luật' after a company's name and address, 'Họ và tên người đại
    diện cơ quan' under an organisation's heading: the representative is the party of the
    block (the company that writes, the organisation that pays), not someone new. Not when the
    label offers someone else besides ('Chủ hộ hoặc người đại diện')."""
    if len(found) != 1 or not found[0].phrase.startswith("nguoi dai dien") or "hoặc" in plain:
        return False
    if state.person in (None, OFFICIAL):
        return False
    return bool(state.seen.get("org") or _ORGANISATION.search(plain))


def _is_list(plain: str, found: list[Mention]) -> bool:
    """The persons are named one after the other ("cha, mẹ, vợ, chồng, con", "cha/mẹ")."""
    gaps = [plain[a.end : b.start] for a, b in itertools.pairwise(found)]
    return all(re.fullmatch(r"[\s,/()]*(?:và|hoặc)?[\s,/()]*", gap) for gap in gaps)


def _resolve(mention: Mention, state: _State) -> str | None:
    """The person a mention names, without numbering a new one."""
    if mention.person != "other":
        return mention.person
    return state.other_by_phrase.get(mention.phrase)


def _known_person(person: str, phrase: str, state: _State) -> str:
    """The person a mention names: a profile role, or the "other:N" that phrase named before."""
    if person != "other":
        return person
    if phrase and phrase not in _NEW_EACH_TIME and phrase in state.other_by_phrase:
        return state.other_by_phrase[phrase]
    state.others += 1
    named = f"other:{state.others}"
    if phrase:
        state.other_by_phrase[phrase] = named
    return named


def _looks_like_new_person(plain: str) -> bool:
    return bool(re.match(r"(?:ông|bà|anh|chị|em|cháu)\b", plain))


def date_in_words(date: str) -> str | None:
    """'12/03/1988' -> 'ngày mười hai tháng ba năm một nghìn chín trăm tám mươi tám';
    None when `date` is no dd/mm/yyyy date."""
    match = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", date)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    month_words = "tư" if month == 4 else number_words(month)  # April is "tháng tư"
    return f"ngày {number_words(day)} tháng {month_words} năm {number_words(year)}"


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _tens(n: int, full: bool) -> str:
    """0..99; `full`: inside a larger number ('lẻ/linh' for 1..9)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        if ones == 0:
            return ""
        return ("linh " if full else "") + _DIGITS[ones]
    head = "mười" if tens == 1 else f"{_DIGITS[tens]} mươi"
    if ones == 0:
        return head
    if ones == 1 and tens > 1:
        tail = "mốt"
    elif ones == 5:
        tail = "lăm"
    elif ones == 4 and tens > 1:
        tail = "tư"
    else:
        tail = _DIGITS[ones]
    return f"{head} {tail}"


def number_words(n: int) -> str:
    """A whole number 0..9999 in Vietnamese words (1988: 'một nghìn chín trăm tám mươi tám')."""
    if n == 0:
        return "không"
    parts: list[str] = []
    thousands, rest = divmod(n, 1000)
    hundreds, rest = divmod(rest, 100)
    if thousands:
        parts.append(f"{number_words(thousands)} nghìn")
    if hundreds or (thousands and rest):
        parts.append(f"{_DIGITS[hundreds]} trăm")
    if rest:
        parts.append(_tens(rest, full=bool(thousands or hundreds)))
    return " ".join(parts)


#: the names `--role` and the forms page accept for each person (Vietnamese and English)
ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "requester": ("requester", "applicant", "người yêu cầu", "người khai", "người đề nghị"),
    "child": ("child", "con", "trẻ", "người được khai sinh"),
    "mother": ("mother", "mẹ"),
    "father": ("father", "cha", "bố"),
    "deceased": ("deceased", "người chết", "người đã chết", "người được khai tử"),
    "spouse": ("spouse", "husband", "wife", "vợ", "chồng", "vợ/chồng", "vợ chồng"),
    "grantor": ("grantor", "người ủy quyền", "bên ủy quyền"),
    "grantee": ("grantee", "người được ủy quyền", "bên được ủy quyền"),
    "insured": ("insured", "người tham gia bảo hiểm", "người được bảo hiểm"),
    "employer": ("employer", "người sử dụng lao động", "đơn vị sử dụng lao động"),
    "guardian": ("guardian", "người giám hộ"),
    "ward": ("ward", "người được giám hộ"),
    "witness": ("witness", "người làm chứng"),
}  # fmt: skip


def _name_key(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", fold(vn(name).replace("/", " / "))).strip()


def role_from_name(name: str) -> str | None:
    """The person a role name means: 'mẹ', 'me', 'mother' -> 'mother'; 'other:2' or
    'khác:2' -> 'other:2'; None for a name nobody uses."""
    match = re.fullmatch(r"\s*(?:other|khac|khác|nguoi khac|người khác)\s*[:#]\s*(\d+)\s*",
                         name.lower())  # fmt: skip
    if match:
        return f"other:{int(match.group(1))}"
    match = re.fullmatch(r"\s*(?:member|thành viên|thanh vien)\s*[:#]\s*(\d+)\s*", name.lower())
    if match:
        return f"member:{int(match.group(1))}"
    wanted = _name_key(name)
    accented = vn(name)
    for person, names in ROLE_NAMES.items():
        if accented in (vn(n) for n in names):
            return person
    for person, names in ROLE_NAMES.items():
        if wanted in (_name_key(n) for n in names):
            return person
    return None


def known_role_names() -> str:
    """'requester (người yêu cầu), child (con), …' for messages and --help."""
    vietnamese = {p: next(n for n in names if n != fold(n)) for p, names in ROLE_NAMES.items()}
    vietnamese.update(child="con", father="cha", spouse="vợ/chồng")
    return (", ".join(f"{p} ({vietnamese[p]})" for p in ROLE_NAMES)
            + ", other:N (khác:N), member:N (thành viên:N)")  # fmt: skip
