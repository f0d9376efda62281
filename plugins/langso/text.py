"""Vietnamese text rules shared by every part of Làng số.

One module owns each rule so that heading ids, page URLs, generated file names, search folding and
alphabetical order can never disagree (``shared/cases`` C-01 to C-04).

- :func:`nfc` — Unicode NFC, applied to every text we read (file names, YAML, Markdown).
- :func:`slugify` — ASCII, lower-case, hyphenated slug with đ→d (``Đình làng`` → ``dinh-lang``).
- :func:`fold` — accent-free, lower-case form for matching (``ĐÌNH Làng`` → ``dinh lang``).
- :func:`sort_key` / :func:`index_letter` — Vietnamese alphabetical order.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "index_letter", "modern_tone", "nfc", "slugify", "sort_key", "strip_accents"]

# đ/Đ is a letter of its own, not d plus a mark: NFKD leaves it intact, so map it before stripping.
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")

# Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y) with the Latin
# letters f j w z slotted at their Latin places so foreign names sort predictably.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET, start=11)}
# Tone marks are a secondary difference, in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng
# (the order of the CLDR Vietnamese collation tailoring, common/collation/vi.xml).
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a new letter of the alphabet rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode Normalization Form C.

    macOS file names and text pasted from word processors often arrive decomposed (NFD); two strings
    that look identical must compare equal everywhere, so every read goes through here (C-03).
    """
    return unicodedata.normalize("NFC", text)


# Old-style tone placement (hoà, thuý) against the modern one (hòa, thúy): the same word.
_OLD_TONE = re.compile(r"(?<![qQ])([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![\w])")


def modern_tone(text: str) -> str:
    """Move the tone of ``oa``, ``oe``, ``uy`` at the end of a syllable onto the first vowel.

    ``Thanh Hoá`` → ``Thanh Hóa``, ``thuý`` → ``thúy`` (``quý`` is left alone: its ``u`` belongs
    to ``qu``). Both placements are in everyday use for the same word; the lists of
    administrative units used here (``vietnam-provinces``) write the modern one.
    """

    def move(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        base = unicodedata.normalize("NFD", second)
        tone = "".join(ch for ch in base[1:] if ch in _TONE_RANK)
        marks = "".join(ch for ch in base[1:] if ch not in _TONE_RANK)
        plain = unicodedata.normalize("NFC", base[0] + marks)
        return unicodedata.normalize("NFC", first + tone) + plain

    return _OLD_TONE.sub(move, nfc(text))


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_D_STROKE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def strip_accents(text: str) -> str:
    """Return ``text`` without tone and vowel marks, đ→d, case kept (``Đình Á`` → ``Dinh A``).

    For fields that must be ASCII, such as the VietQR payment note.
    """
    return _strip_marks(nfc(text))


@lru_cache(maxsize=65536)  # every build slugs the same file names and headings again
def slugify(value: str, separator: str = "-") -> str:
    """Return the ASCII slug of ``value``: lower case, words joined by ``separator``, đ→d.

    The one slug rule of the project: heading ids, page URLs and file names we generate (C-01).
    The signature matches Python-Markdown's ``toc`` ``slugify`` option.

    >>> slugify("Đình làng Phú Mỹ")
    'dinh-lang-phu-my'
    >>> slugify("Ăn uống gần đình")
    'an-uong-gan-dinh'
    """
    ascii_text = _strip_marks(nfc(value)).lower()
    return _NON_SLUG.sub(separator, ascii_text).strip(separator)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return the accent-free, lower-case form of ``text`` with runs of white space collapsed.

    Used to match what a reader types without accents against the original text (C-02): every tone
    and vowel mark is removed, stacked ones included (``ặ`` → ``a``), and đ/Đ becomes d.

    >>> fold("ĐÌNH  Làng Phú Mỹ")
    'dinh lang phu my'
    """
    return _SPACES.sub(" ", _strip_marks(nfc(text)).lower()).strip()


def _collation_elements(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for char in nfc(text):
        lower = char.lower()
        decomposed = unicodedata.normalize("NFD", lower)
        base = decomposed[0]
        marks = decomposed[1:]
        letter = base + "".join(m for m in marks if m in _LETTER_MARKS)
        letter = unicodedata.normalize("NFC", letter)
        tone = max((_TONE_RANK.get(m, 0) for m in marks), default=0)
        if letter in _LETTER_RANK:
            primary.append(_LETTER_RANK[letter])
        elif letter.isdigit():
            primary.append(1 + int(letter) if letter.isascii() else 10)
        elif letter.isspace() or not letter.isalnum():
            # Spaces and punctuation sort before every letter: word-by-word order.
            primary.append(0)
        else:
            primary.append(1000 + ord(letter))
        secondary.append(tone)
        tertiary.append(0 if char == lower else 1)
    return tuple(primary), tuple(secondary), tuple(tertiary)


@lru_cache(maxsize=65536)  # names are sorted again and again (index, letters, downloads)
def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], str]:
    """Return a key that sorts Vietnamese text in alphabetical order (C-04).

    Letters follow the Vietnamese alphabet, so ``Ă`` and ``Â`` come after ``A`` and ``Đ`` after
    ``D``; tones only break ties (``Anh`` < ``Ánh``); lower case before upper case last of all.

    >>> sorted(["Đào", "Dung", "Ánh", "Anh", "Ăn"], key=sort_key)
    ['Anh', 'Ánh', 'Ăn', 'Dung', 'Đào']
    """
    primary, secondary, tertiary = _collation_elements(text)
    return primary, secondary, tertiary, nfc(text)


def index_letter(text: str) -> str:
    """Return the index letter under which ``text`` is listed: its first letter without tone.

    Letters of the Vietnamese alphabet keep their identity (``Ăn`` → ``Ă``, ``Đào`` → ``Đ``,
    ``Ánh`` → ``A``); text starting with a digit or symbol is listed under ``#``.
    """
    for char in nfc(text).lstrip():
        decomposed = unicodedata.normalize("NFD", char.lower())
        letter = decomposed[0] + "".join(m for m in decomposed[1:] if m in _LETTER_MARKS)
        letter = unicodedata.normalize("NFC", letter)
        if letter in _LETTER_RANK:
            return letter.upper()
        return "#"
    return "#"
