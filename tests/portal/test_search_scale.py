"""The portal's search at scale: 1,000 villages × 50 pages (50,000 docs) of realistic titles.

:func:`synthetic_docs` makes them (the word lists of ``build_tools/synthetic.py``; many villages
share titles such as "Đình làng …", "Trạm y tế xã …", "Hướng dẫn cài VNeID"); the test writes
the index once and weighs the first search of a few queries with
:func:`langso.portal.search.first_query_plan` (the files the script fetches: Chromium proves it
in ``test_search_browser.py``).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest

from langso.portal.search import (
    EXPAND_BYTES,
    SearchDoc,
    first_query_plan,
    run_query,
    write_search,
)
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "build_tools"))
from synthetic import KINDS, SENTENCE, WORDS

QUERIES = ("dinh lang", "tram y te", "vneid", "d", "nha van hoa thon", "huong dan", "phuc hung")
TYPOS = ("dinh lnag", "tram y tee", "huogn dan")  # read the word list too (no result)
LIMIT = 150 * 1024

LANDMARKS = (
    "Đình làng {v}",
    "Chùa {v}",
    "Nhà văn hóa thôn {v}",
    "Miếu {w}",
    "Giếng làng {v}",
    "Cây đa đầu làng",
    "Sân vận động thôn {v}",
    "Nghè {w} {x}",
    "Đền thờ {w} {x}",
    "Cầu {w}",
    "Văn chỉ làng {v}",
    "Bến đò {w}",
)
SERVICES = (
    "Trạm y tế xã {c}",
    "Ủy ban nhân dân xã {c}",
    "Bưu điện văn hóa xã {c}",
    "Trường Tiểu học {c}",
    "Trường Mầm non {v}",
    "Công an xã {c}",
)
PAGES = (
    "Hướng dẫn cài VNeID",
    "Hướng dẫn thanh toán tiền điện qua mạng",
    "Hướng dẫn đăng ký khai sinh trực tuyến",
    "Lịch sử làng {v}",
    "Dinh dưỡng cho trẻ nhỏ",
    "Thông báo lịch tiêm chủng tháng {n}",
    "Thông báo cắt điện ngày {n}/12",
    "Giới thiệu thôn {v}",
    "Lễ hội đình làng {v}",
    "Danh bạ",
    "Bản đồ",
    "Liên hệ",
    "Sản vật địa phương",
    "Hỏi đáp dịch vụ công",
    "Tổ công nghệ số cộng đồng",
    "Ăn uống gần đình",
    "Chợ quê {w}",
    "Hướng dẫn nộp thuế đất",
    "Hướng dẫn đổi thẻ bảo hiểm y tế",
    "Thông báo họp thôn tháng {n}",
    "Lịch thu gom rác",
    "Điểm phát wifi miễn phí {w}",
    "Quỹ khuyến học thôn {v}",
    "Câu lạc bộ văn nghệ {w}",
    "Hội người cao tuổi thôn {v}",
    "Đội bóng chuyền {w}",
)
HEADINGS = ("Giờ mở cửa", "Lịch sử", "Đường đi", "Liên hệ", "Lưu ý", "Các bước")
CATEGORY = {"dia-diem": "Di tích – địa điểm", "dich-vu": "Dịch vụ", "trang": "", "lang": "Làng"}


def synthetic_docs(villages: int = 1000, pages: int = 50, seed: int = 17) -> list[SearchDoc]:
    """``villages`` × ``pages`` docs (``pages`` ≤ 50): per village its home, 12 landmarks, 6
    public services, shops from the synthetic kinds, then guides and notices; 8 villages a
    commune; ``place`` the bare names, as the portal writes them. Deterministic for a seed."""
    rng = random.Random(seed)
    names = [f"{a} {b}" for a in WORDS for b in WORDS if a != b]
    rng.shuffle(names)
    docs: list[SearchDoc] = []
    for number in range(villages):
        v = names[number % len(names)] + ("" if number < len(names) else f" {number}")
        c = names[(number // 8 * 7919) % len(names)]
        base = f"https://lang-{number}.example.github.io/"

        def fill(template: str, v: str = v, c: str = c) -> str:
            return template.format(
                v=v, c=c, w=rng.choice(WORDS), x=rng.choice(WORDS), n=rng.randint(1, 12)
            )

        titles = [("Làng " + v, "lang")]
        titles += [(fill(t), "dia-diem") for t in LANDMARKS]
        titles += [(fill(t), "dich-vu") for t in SERVICES]
        titles += [
            (f"{k} {rng.choice(WORDS)} {rng.choice(WORDS)} số {rng.randint(1, 99)}", "dich-vu")
            for k, _ in rng.sample(KINDS, 5)
        ]
        titles += [(fill(t), "trang") for t in PAGES]
        for at, (title, kind) in enumerate(titles[:pages]):
            words = SENTENCE.split()
            start = rng.randrange(len(words) - 12)
            text = " ".join(
                [CATEGORY[kind], *rng.sample(HEADINGS, 2), *words[start : start + 12]]
                + [rng.choice(WORDS) for _ in range(4)]
            )
            docs.append(
                SearchDoc(title, f"{base}p/{at}/", f"làng {v}", f"xã {c}", text, kind, f"{v} {c}")
            )
    return docs


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scale")
    stats = write_search(synthetic_docs(), out)
    assert stats.docs == 50_000
    return out


def weigh(out: Path, query: str) -> tuple[int, int]:
    plan = first_query_plan(out, query)
    return len(plan), sum(p.stat().st_size for p in plan)


def test_first_query_stays_under_150_kb_and_files_stay_few(portal: Path) -> None:
    files = sum(1 for p in (portal / "tim").rglob("*") if p.is_file())
    table = {query: weigh(portal, query) for query in QUERIES + TYPOS}
    listing = (portal / "tim" / "w.json").stat().st_size
    print(f"\nfiles {files}; word list {listing / 1024:.1f} KB")
    for query, (count, size) in table.items():
        print(f"{query!r}: {count} files, {size / 1024:.1f} KB")
    assert files < 10_000
    assert all(size <= LIMIT for _, size in table.values()), table
    assert table["d"] == (0, 0)
    assert listing <= 30 * 1024  # the one extra file a misspelt word reads


def test_the_script_ranks_like_python_where_completions_hit_the_byte_budget(portal: Path) -> None:
    """``di`` and ``th`` have more completions than EXPAND_BYTES lets in: both sides stop at
    the same word (the script's postings files are read from disk here, in Node)."""
    from tests.portal.test_search import PRELUDE, run_node

    folder = portal / "tim"

    def read(name: str) -> Any:
        return json.loads((folder / name).read_bytes())

    shard = read("t/di.json")
    files = sorted((e[2] for w, e in shard.items() if isinstance(e[2], int)), reverse=True)
    assert sum(files[:6]) > EXPAND_BYTES  # the budget, not the count, stops the completions
    queries = ["di", "th", "dinh lang", "nha van hoa th", "Đình làng", "tram y te"]
    source = (
        PRELUDE
        + f"""
const dir = {json.dumps(str(folder))};
const index = {{get: n => Promise.resolve(JSON.parse(require("fs").readFileSync(dir + "/" + n)))}};
Promise.all(input.map(q => s.find(index, q))).then(out);
"""
    )
    assert run_node(source, queries) == [run_query(read, q) for q in queries]


def test_the_word_list_stays_small_with_a_large_vocabulary(tmp_path: Path) -> None:
    """Far more distinct words than a province writes (every Vietnamese syllable folds into
    about 2,200 words): 30,000 random ones. ``w.json`` keeps the WORD_LIST commonest."""
    from langso.portal.search import WORD_LIST

    rng = random.Random(17)
    letters = "abcdeghiklmnopqrstuvxy"
    vocabulary = sorted({"".join(rng.choices(letters, k=rng.randint(3, 9))) for _ in range(30_000)})
    docs = [
        SearchDoc(f"Trang {n}", f"https://x.example.org/{n}/", "", "", " ".join(words), "trang")
        for n, words in enumerate(zip(*[iter(vocabulary)] * 20, strict=False))
    ]
    write_search(docs, tmp_path)
    listing = (tmp_path / "tim" / "w.json").read_bytes()
    print(f"\nword list of {len(vocabulary)} words: {len(listing) / 1024:.1f} KB")
    assert len(json.loads(listing).split(" ")) == WORD_LIST
    assert len(listing) <= 45 * 1024
