"""Vietnamese text rules: slugs, folding, NFC and alphabetical order (shared/cases C-01 to C-04)."""

from __future__ import annotations

import unicodedata

import pytest

from langso.text import fold, index_letter, nfc, slugify, sort_key


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- C-01 slugs ---------------------------------------------------------------------------------

SLUGS = [
    ("Đình làng Phú Mỹ", "dinh-lang-phu-my"),
    ("Đường đi", "duong-di"),
    ("Điện thoại liên hệ", "dien-thoai-lien-he"),
    ("Ăn uống gần đình", "an-uong-gan-dinh"),
    ("ĐƯỜNG ĐI", "duong-di"),
    ("Chợ Ấp Bắc", "cho-ap-bac"),
    ("Quán ốc Út", "quan-oc-ut"),
    ("Đình làng: lịch sử & lễ hội", "dinh-lang-lich-su-le-hoi"),
    ("  Trạm Y tế xã Yên Định  ", "tram-y-te-xa-yen-dinh"),
    ("Giờ mở cửa (T2–T6)", "gio-mo-cua-t2-t6"),
]


@pytest.mark.parametrize(("heading", "slug"), SLUGS)
def test_slugify_keeps_every_letter(heading: str, slug: str) -> None:
    assert slugify(heading) == slug


@pytest.mark.parametrize(("heading", "slug"), SLUGS)
def test_slugify_nfd_input_gives_the_same_slug(heading: str, slug: str) -> None:
    decomposed = nfd(heading)
    assert decomposed != heading
    assert slugify(decomposed) == slug


def test_slugify_is_ascii_for_every_vietnamese_letter() -> None:
    letters = "aàảãáạăằẳẵắặâầẩẫấậđeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ"
    assert slugify(letters + letters.upper()) == (
        "aaaaaaaaaaaaaaaaaadeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyy" * 2
    )


def test_slugify_separator() -> None:
    assert slugify("Đình làng Phú Mỹ", "_") == "dinh_lang_phu_my"


# --- C-02 folding -------------------------------------------------------------------------------

SENTENCE = "Đình làng Phú Mỹ mở cửa từ 6 giờ sáng. Gần chợ Ấp Bắc có quán ốc Út."


def test_fold_sentence() -> None:
    assert fold(SENTENCE) == "dinh lang phu my mo cua tu 6 gio sang. gan cho ap bac co quan oc ut."


@pytest.mark.parametrize(
    "query", ["dinh", "dinh lang", "phu my", "cho ap bac", "oc ut", "Đình", "ĐÌNH"]
)
def test_folded_query_is_found_in_folded_sentence(query: str) -> None:
    assert fold(query) in fold(SENTENCE)


@pytest.mark.parametrize("query", ["dinh", "dinh lang", "phu my", "cho ap bac", "oc ut"])
def test_folded_query_is_found_in_nfd_sentence(query: str) -> None:
    assert fold(query) in fold(nfd(SENTENCE))


@pytest.mark.parametrize("word", ["Đình", "ĐÌNH", "đình", "dinh", "DINH"])
def test_fold_dinh(word: str) -> None:
    assert fold(word) == "dinh"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ặ", "a"),
        ("ấ", "a"),
        ("ố", "o"),
        ("ứ", "u"),
        ("Ặ Ấ Ố Ứ", "a a o u"),
        ("ằẳẵắặ ầẩẫấậ ềểễếệ ồổỗốộ ờởỡớợ ừửữứự", "aaaaa aaaaa eeeee ooooo ooooo uuuuu"),
        ("ĐÌNH  Làng\tPhú Mỹ ", "dinh lang phu my"),
    ],
)
def test_fold_removes_stacked_marks(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(nfd(text)) == folded


# --- C-03 NFC -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["chùa-thiên-mụ.md", "Đình làng Phú Mỹ", "Ấp Bắc", "ốc Út"])
def test_nfc_of_nfd_equals_nfc_literal(text: str) -> None:
    decomposed = nfd(text)
    assert decomposed != text
    assert nfc(decomposed) == text


def test_nfc_is_unchanged_for_nfc_text() -> None:
    assert nfc("Chùa Thiên Mụ") == "Chùa Thiên Mụ"


# --- C-04 alphabetical order --------------------------------------------------------------------

NAMES = ["Đào", "Dung", "Zung", "Anh", "Ánh", "Ân", "Ăn", "Bảo", "Ê-đê", "Em"]
VIETNAMESE_ORDER = ["Anh", "Ánh", "Ăn", "Ân", "Bảo", "Dung", "Đào", "Em", "Ê-đê", "Zung"]


def test_sort_key_vietnamese_alphabet() -> None:
    assert sorted(NAMES, key=sort_key) == VIETNAMESE_ORDER


def test_sort_key_with_nfd_inputs() -> None:
    result = sorted((nfd(name) for name in NAMES), key=sort_key)
    assert [nfc(name) for name in result] == VIETNAMESE_ORDER


def test_sort_key_nfd_and_nfc_equal() -> None:
    for name in NAMES:
        assert sort_key(nfd(name)) == sort_key(name)


def test_sort_key_reversed_input() -> None:
    assert sorted(reversed(VIETNAMESE_ORDER), key=sort_key) == VIETNAMESE_ORDER


def test_sort_key_tones_are_secondary_in_dictionary_order() -> None:
    # ngang, huyền, hỏi, ngã, sắc, nặng (CLDR vi.xml)
    assert sorted(["ạ", "á", "ã", "ả", "à", "a"], key=sort_key) == ["a", "à", "ả", "ã", "á", "ạ"]
    # A tone never outweighs a letter: `Ánh` (A) comes before `Ăn` (Ă) and `Ba` (B).
    assert sorted(["Ba", "Ăn", "Ánh"], key=sort_key) == ["Ánh", "Ăn", "Ba"]


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("Ăn", "Ă"),
        ("Ánh", "A"),
        ("Anh", "A"),
        ("Ân", "Â"),
        ("Đào", "Đ"),
        ("Dung", "D"),
        ("Ê-đê", "Ê"),
        ("Em", "E"),
        ("ơi", "Ơ"),
        ("Ứng", "Ư"),
        ("Zung", "Z"),
        ("123", "#"),
        ("(Chợ)", "#"),
        ("", "#"),
    ],
)
def test_index_letter(text: str, letter: str) -> None:
    assert index_letter(text) == letter
    assert index_letter(nfd(text)) == letter
