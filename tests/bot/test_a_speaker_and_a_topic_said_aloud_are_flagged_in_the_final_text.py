"""R17 on the final text: a speaker (我们) that survives into the report is flagged with the unit's own self-word as
the fix, a topic said aloud (网站这块), a sound (嗯), a closing 哈 or 呢, and 该公开的都公开了 likewise; written
words that only contain the characters are left alone."""

from __future__ import annotations

import pytest

from bot.report import empty_report, with_derived
from bot.rules import check_report


def _r17(text: str, kind: str = "乡", unit: str = "青山乡人民政府"):
    report = with_derived(empty_report(unit, kind, 2025))
    report.text["s1.management"] = text
    return [f for f in check_report(report) if f.rule == "R17"]


@pytest.mark.parametrize(("text", "token", "written", "kind"), [
    ("我们坚持先审查、后公开。", "我们", "我乡坚持先审查、后公开。", "乡"),
    ("我们单位坚持先审查、后公开。", "我们单位", "我镇坚持先审查、后公开。", "镇"),
    ("网站这块依托县政府网站。", "这块", "网站依托县政府网站。", "乡"),
    ("嗯，我乡坚持先审查、后公开。", "嗯，", "我乡坚持先审查、后公开。", "乡"),
    ("我乡坚持先审查、后公开哈。", "哈", "我乡坚持先审查、后公开。", "乡"),
    ("我乡该公开的都公开了。", "该公开的都公开了", "我乡做到应公开尽公开。", "乡"),
])
def test_a_spoken_word_left_in_the_report_is_flagged_with_the_written_one(text, token, written, kind) -> None:
    found = _r17(text, kind, "城关镇人民政府" if kind == "镇" else "青山乡人民政府")
    assert len(found) == 1 and f"“{token}”" in found[0].message, found
    assert found[0].fix is not None and found[0].fix.apply(text) == written


@pytest.mark.parametrize("text", ["我乡坚持先审查、后公开。", "我乡设置一块电子显示屏。", "开展“我们的节日”主题活动。"])
def test_written_words_are_left_alone(text: str) -> None:
    assert _r17(text) == []


def test_a_county_said_as_xianli_is_flagged_without_a_guessed_fix() -> None:
    found = _r17("我乡政务公开工作得到县里表扬。")
    assert len(found) == 1 and "“县里”" in found[0].message and found[0].fix is None
    assert _r17("我乡设置城市里程碑。") == [] and _r17("我乡得到县政府表扬。") == []
