"""The spoken verbs a clerk types (整了, 装了, 出了, 做) are rewritten only where they stand for themselves, never as
the second character of a written word: 网站专栏调整了3个子栏目 had been drafted 调设置了3个子栏目 and approved,
安装了3块电子屏 安设置了, 推出了5条政策解读 推发布5条, 配发了图解 配发布图解."""

from __future__ import annotations

import pytest

from bot.drafting.wording import formal
from bot.report import Report
from bot.rules import check_report


@pytest.mark.parametrize("written", ["网站专栏调整了3个子栏目", "安装了3块电子屏", "推出了5条政策解读", "提出了2条建议",
                                     "调整了网站建设", "叫做政务公开栏", "政策文件配发了图解3篇", "散发了宣传资料200份"])
def test_a_written_word_is_left_as_written(written: str) -> None:
    assert formal(written) == written
    report = Report("城关镇人民政府", "镇", 2025)
    report.text["s1.platform"] = written + "。"
    assert [f for f in check_report(report) if f.rule == "R17"] == []


@pytest.mark.parametrize(("said", "written"), [("整了3块屏", "设置了3块屏"), ("装了2块屏", "设置了2块屏"),
                                               ("公众号出了5期", "公众号发布5期"), ("整了个台账", "建立了台账"),
                                               ("网站发了200条", "网站发布200条")])
def test_the_spoken_verb_alone_is_still_rewritten(said: str, written: str) -> None:
    assert formal(said) == written
