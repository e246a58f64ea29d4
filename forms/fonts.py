"""The bundled serif used for every Vietnamese value written into a form.

Liberation Serif is metric-compatible with Times New Roman (the font of administrative
documents, Nghị định 30/2020) and covers all 146 Vietnamese letters. Values are written with a
fontTools subset of it that holds only the glyphs used, so a filled form grows by a few KB.
"""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from pathlib import Path

from common.resources import resource_path

SERIF_REGULAR = "LiberationSerif-Regular.ttf"
SERIF_BOLD = "LiberationSerif-Bold.ttf"
SERIF_ITALIC = "LiberationSerif-Italic.ttf"

#: name of the font in /AcroForm /DR and in every /DA we write
FORM_FONT_NAME = "HosoSerif"

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def vietnamese_letters() -> list[str]:
    """The 146 letters of Vietnamese with diacritics: 12 vowels x 6 tones and đ, both cases."""
    lower = [unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES] + ["đ"]
    return lower + [ch.upper() for ch in lower]


def typing_repertoire() -> str:
    """Everything a person may type in Vietnamese: ASCII, the 146 letters, common punctuation.

    An editable copy embeds this subset (16 KB), so a viewer that rebuilds a field's appearance
    from /DA and /AcroForm /DR after an edit still has every glyph it needs.
    """
    import string

    return string.printable.strip() + " " + "".join(vietnamese_letters()) + "…–—‘’“”°№"


def font_path(name: str = SERIF_REGULAR) -> Path:
    return resource_path("fonts", name)


@cache
def font_bytes(name: str = SERIF_REGULAR) -> bytes:
    return font_path(name).read_bytes()


@cache
def _measuring_font(name: str):
    import pymupdf

    return pymupdf.Font(fontbuffer=font_bytes(name))


def text_width(text: str, size: float, name: str = SERIF_REGULAR) -> float:
    """Width in points of `text` set at `size` in the bundled font."""
    return _measuring_font(name).text_length(text, fontsize=size)


def ascender(name: str = SERIF_REGULAR) -> float:
    return float(_measuring_font(name).ascender)


def descender(name: str = SERIF_REGULAR) -> float:
    return float(_measuring_font(name).descender)


def subset_font(text: str, name: str = SERIF_REGULAR) -> bytes:
    """A TrueType subset of the bundled font with the glyphs of `text` (plus digits and '/')."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # keep the copyright and names (OFL)
    options.drop_tables += ["FFTM", "DSIG"]
    font = TTFont(io.BytesIO(font_bytes(name)), recalcTimestamp=False)  # reproducible bytes
    subsetter = subset.Subsetter(options)
    chars = unicodedata.normalize("NFC", text) + "0123456789/ .,-"
    subsetter.populate(text=chars)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
