"""What a clerk says aloud has one declaration each, read alike by the drafting of notes and by the checks of a final
text: a rough count (大概两百条 → 约200条), the topic said aloud (网站这块), a degree (挺好 → 较好) are spoken
asides (bot.spoken.ASIDES) the drafting writes and R17 fixes with the same word; "nothing" (无, 均无, 无此情况, 没有别的了)
is one reading (drafting.says_nothing_more) for the notes, a facts answer and a reply to a draft."""

from __future__ import annotations

import pytest

from bot.dialog import prose
from bot.drafting import clean_note, fact_items, wording
from bot.report import Report
from bot.rules import check_report
from bot.spoken import ASIDES

CASES = [
    # (a note as said, the note as drafted, a final text with the aside, the text once R17's fix is applied)
    ("公众号发布信息大概200条", "公众号发布信息约200条", "我乡公众号发布信息大概200条。", "我乡公众号发布信息约200条。"),
    ("差不多有80条", "约80条", "全年发布信息差不多有80条。", "全年发布信息约80条。"),
    ("群众满意度挺高", "群众满意度较高", "群众满意度挺高。", "群众满意度较高。"),
    ("网站这块依托县政府网站", "依托县政府网站公开政府信息", "我乡网站这块依托县政府网站发布信息。",
     "我乡网站依托县政府网站发布信息。"),
]


@pytest.mark.parametrize(("said", "drafted", "final", "fixed"), CASES)
def test_the_drafting_and_r17_write_it_with_the_same_word(said: str, drafted: str, final: str, fixed: str) -> None:
    assert fact_items(said) == [drafted]
    report = Report("青山乡人民政府", "乡", 2025, text={"s1.active": final})
    found = [f for f in check_report(report) if f.rule == "R17"]
    assert len(found) == 1 and found[0].fix is not None, [f.message for f in found]
    assert found[0].fix.apply(final) == fixed


def test_every_aside_r17_fixes_is_one_the_drafting_writes() -> None:
    table = [entry for entry in wording._FORMAL]
    assert all(any(aside is entry for entry in table) for aside in ASIDES)


def test_a_rough_word_before_no_figure_is_flagged_without_a_guess() -> None:
    report = Report("青山乡人民政府", "乡", 2025, text={"s1.active": "各项工作大概完成。"})
    [found] = [f for f in check_report(report) if f.rule == "R17"]
    assert "“大概”" in found.message and found.fix is None


@pytest.mark.parametrize("word", "无 没有 暂无 没 没了 没有了 都没有 没什么 没啥 无此情况 无特别情况 无其他情况 无相关情况 均无 "
                                 "没有别的了 就这些".split())
def test_nothing_is_read_alike_by_every_reader(word: str) -> None:
    assert clean_note(word) == ""
    assert prose.read_facts(word, "management") == ("nothing", prose.NOTHING)
    assert prose.read_offer_reply(word) == "nothing"
