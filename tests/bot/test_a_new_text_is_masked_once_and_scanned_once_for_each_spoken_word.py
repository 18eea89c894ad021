"""A new answer or draft is masked once for R9, R11 and R17 (`mask_citations` held, keyed on the text), and R17 scans
it once for the topic said aloud (这块: `spoken.THIS_PART`, which `ASIDES` holds too, was scanned for twice, the
second scan's hits never kept): over the seeds and random texts of spoken words, citations and breaks, the spoken
words found, the findings and their fixes are those of the table that scanned twice, and the masked text that of
masking afresh."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.report import Report
from bot.rules import check_rules
from bot.rules import prose as prose_rules
from bot.rules.textscan import mask_citations
from bot.spoken import ASIDES, THIS_PART
from tests.bot.test_rules import GOOD_TEXT, seed_report

# the table as it was: the topic said aloud among the words said aloud, and again with ASIDES
SCANNED_TWICE = (*prose_rules._SPOKEN[: len(prose_rules._SPOKEN) - len(ASIDES) + 1], *ASIDES)
PIECES = ["这块", "这一块的话", "网站这块", "公众号这一块", "那些", "这些", "之类的", "的话", "大概", "大约有", "差不多",
          "嗯，", "呃", "，那个，", "县里", "城里", "我们", "我们单位", "搞了个", "弄了", "整了一套", "吧", "啊", "挺好", "蛮多",
          "应该公开的都公开了", "啥", "咱们", "网站", "培训", "台账", "2次", "两百条", "，", "。", "；", "、", " ", "\n",
          "《关于这块的通知》", "〔2020〕", "（国办函〔2020〕109号）", "“我们这边”", "０１２"]
TEXTS = sorted({*GOOD_TEXT.values(), *(t for n in range(3) for t in seed_report(n).text.values() if t.strip())})


def test_the_topic_said_aloud_is_in_the_table_once_in_its_place() -> None:
    assert prose_rules._SPOKEN.count(THIS_PART) == 1
    assert [entry for entry in SCANNED_TWICE if entry is not THIS_PART] == \
        [entry for entry in prose_rules._SPOKEN if entry is not THIS_PART]


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(PIECES), max_size=14).map("".join),
                 st.tuples(st.sampled_from(TEXTS), st.integers(0, 200), st.lists(st.sampled_from(PIECES), max_size=5))
                 .map(lambda t: t[0][: t[1]] + "".join(t[2]) + t[0][t[1]:])))
def test_spoken_words_and_masking_are_those_of_scanning_twice_and_masking_afresh(text: str) -> None:
    masked = mask_citations.__wrapped__(text)
    assert mask_citations(text) == masked
    once = prose_rules._spoken_hits(masked)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(prose_rules, "_SPOKEN", SCANNED_TWICE)
        twice = prose_rules._spoken_hits(masked)
    assert [(m.span(), m.group(), m.re.pattern, formal) for m, formal in once] == \
        [(m.span(), m.group(), m.re.pattern, formal) for m, formal in twice]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map("".join), st.sampled_from(["镇", "乡", "街道", ""]))
def test_the_findings_and_fixes_are_those_of_scanning_twice(text: str, kind: str) -> None:
    report = Report("示范县城关" + (kind or "办"), kind, 2025, {}, {"s1.summary": text, "s6.other": text[::-1]})
    prose_rules._spoken_in.cache_clear()
    once = check_rules(report, ["R17"])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(prose_rules, "_SPOKEN", SCANNED_TWICE)
        prose_rules._spoken_in.cache_clear()
        twice = check_rules(report, ["R17"])
    prose_rules._spoken_in.cache_clear()
    assert [(f.cells, f.message, f.fix) for f in once] == [(f.cells, f.message, f.fix) for f in twice]
