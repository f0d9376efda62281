"""Pydantic's constraint errors in a volunteer's words (issue 12): Vietnamese first, the limit or
the allowed values from the error, and pydantic's English never in the Vietnamese half."""

from __future__ import annotations

from typing import Annotated, Literal

import pytest
from pydantic import Field, HttpUrl, StringConstraints, field_validator

from langso.schema import Model, Text, compose_yaml, validate

PATH = "content/thu.yml"


class Sample(Model):
    """Every kind of constraint a content model may declare."""

    code: Annotated[str, StringConstraints(pattern=r"^\d{6}$")] | None = Field(
        None, alias="ma", description="Mã 6 số, ví dụ `970405`. / A 6-digit code."
    )
    short: Annotated[str, StringConstraints(min_length=3)] | None = Field(None, alias="ngan")
    items: tuple[Text, ...] = Field((), alias="muc", max_length=2, min_length=1)
    kind: Literal["a", "b", "c"] | None = Field(None, alias="kieu")
    count: int | None = Field(None, alias="so", ge=1)
    ratio: float | None = Field(None, alias="ti_le", lt=1)
    site: HttpUrl | None = Field(None, alias="web")
    note: str | None = Field(None, alias="ghi")

    @field_validator("note")
    @classmethod
    def _plain(cls, value: str | None) -> str | None:
        if value == "x":
            raise ValueError("x is not allowed")
        return value


def messages(yaml_text: str) -> list[str]:
    node, problems = compose_yaml(yaml_text, PATH)
    assert problems == []
    model, problems = validate(Sample, node, PATH)
    assert model is None
    return [p.format() for p in problems]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "ma: '12ab'",
            "content/thu.yml:1: ma: `12ab` không đúng dạng của `ma` — viết theo mẫu của `ma` trong"
            " tài liệu (Mã 6 số, ví dụ `970405`)\n"
            "    (en) `12ab` is not in the form `ma` takes — follow the sample of `ma` in the docs"
            " (A 6-digit code)",
        ),
        (
            "ngan: 'ab'",
            "content/thu.yml:1: ngan: `ngan` ngắn quá: `ab` có 2 ký tự, cần ít nhất 3 — viết đủ ít"
            " nhất 3 ký tự\n"
            "    (en) `ngan` is too short: `ab` has 2 characters, at least 3 are needed — write at"
            " least 3 characters",
        ),
        (
            "muc: [a, b, c]",
            "content/thu.yml:1: muc: `muc` có 3 mục, nhiều hơn 2 — giữ tối đa 2 mục\n"
            "    (en) `muc` has 3 items, more than 2 — keep at most 2 items",
        ),
        (
            "muc: []",
            "content/thu.yml:1: muc: `muc` có 0 mục, cần ít nhất 1 — thêm cho đủ 1 mục, mỗi mục"
            " một dòng bắt đầu bằng `- `\n"
            "    (en) `muc` has 0 items, at least 1 are needed — give at least 1 items, each on a"
            " line starting with `- `",
        ),
        (
            "kieu: d",
            "content/thu.yml:1: kieu: `d` không phải giá trị dùng được cho `kieu` — dùng một"
            " trong: 'a', 'b' hoặc 'c'\n"
            "    (en) `d` is not a value `kieu` accepts — use one of: 'a', 'b' or 'c'",
        ),
        (
            "so: mười",
            "content/thu.yml:1: so: `mười` không phải một số nguyên — viết một số nguyên bằng"
            " chữ số, ví dụ `so: 12`\n"
            "    (en) `mười` is not a whole number — write a whole number in digits, e.g."
            " `so: 12`",
        ),
        (
            "so: 0",
            "content/thu.yml:1: so: `so` là 0, nhưng phải từ 1 — viết một số từ 1\n"
            "    (en) `so` is 0 but must be at least 1 — write a number at least 1",
        ),
        (
            "ti_le: '1,5'",
            "content/thu.yml:1: ti_le: `1,5` không phải một số — viết một số bằng chữ số, ví dụ"
            " `ti_le: 19.98`\n"
            "    (en) `1,5` is not a number — write a number in digits, e.g. `ti_le: 19.98`",
        ),
        (
            "web: 'ftp://x.vn'",
            "content/thu.yml:1: web: `ftp://x.vn` không phải địa chỉ trang web — chép đủ địa chỉ"
            " từ thanh địa chỉ của trình duyệt, bắt đầu bằng https://\n"
            "    (en) `ftp://x.vn` is not a web address — copy the whole address from the"
            " browser's address bar, starting with https://",
        ),
        (
            "ghi: x",
            "content/thu.yml:1: ghi: giá trị `x` của `ghi` không hợp lệ — viết theo mẫu của `ghi`"
            " trong tài liệu\n"
            "    (en) invalid value `x` for `ghi` (Value error, x is not allowed) — follow the"
            " sample of `ghi` in the docs",
        ),
        (
            "kieu: [a, b]",
            "content/thu.yml:1: kieu: `kieu` phải là một dòng chữ, nhưng lại là một danh sách"
            " — viết giá trị trên cùng dòng, sau dấu `: `\n"
            "    (en) `kieu` must be text but is a list — write the value on the same line, after"
            " `: `",
        ),
    ],
)
def test_constraint_errors_are_worded_for_volunteers(line: str, expected: str) -> None:
    assert messages(line + "\n") == [expected]


def test_a_long_value_is_cut_in_the_message() -> None:
    found = messages("ma: '" + "9" * 100 + "'\n")
    assert found[0].startswith("content/thu.yml:1: ma: `" + "9" * 59 + "…` không đúng dạng")
