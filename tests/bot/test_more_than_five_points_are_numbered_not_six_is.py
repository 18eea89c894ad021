"""五 lists its problems and plans as a published report does: 一是…；二是… up to 五是, and more than five as numbered
points （1）…；（2）… — never 六是 — whether the draft is made from notes or offered in the dialog."""

from __future__ import annotations

import re

import pytest

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice
from tests.bot.test_dialog_prose import at

SIX = "信息更新不及时，政策解读形式单一，专栏部分子栏目内容空缺，公开栏更新不规范，工作人员业务能力不足，群众知晓率不高"
PLANS = "明确专人每周更新，增加图解解读，补齐栏目，规范公开栏，加强业务培训，加强宣传"


def _draft(slot: str, notes: str, variant: int = 0) -> str:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    return draft_paragraph(slot, notes, report, voice("青山乡人民政府", "乡", 2025), variant=variant)


@pytest.mark.parametrize("variant", range(3))
def test_six_problems_are_numbered_points(variant: int) -> None:
    text = _draft("s5.problems", SIX, variant)
    assert "六是" not in text and "一是" not in text, text
    assert "：（1）信息更新不及时；（2）政策解读形式单一；" in text and text.endswith("（6）群众知晓率不高。"), text


def test_five_problems_stay_one_is_to_five_is() -> None:
    text = _draft("s5.problems", SIX.rsplit("，", 1)[0])
    assert "一是信息更新不及时；" in text and text.endswith("五是工作人员业务能力不足。") and "（1）" not in text, text


def test_eleven_problems_are_numbered_not_run_together() -> None:
    text = _draft("s5.problems", SIX + "，依申请答复不够规范，档案管理不完善，公开目录未及时更新，解读材料偏少，信息审核把关不严")
    assert text.endswith("（11）信息审核把关不严。") and "是" not in text.split("：", 1)[1][:3], text


def test_six_plans_are_numbered_points() -> None:
    text = _draft("s5.improvements", f"{SIX}；改进：{PLANS}")
    assert re.search(r"：（1）明确专人每周更新；（2）增加图解解读；.*（6）加强宣传。$", text) and "六是" not in text, text


def test_six_problems_told_in_the_dialog_are_offered_and_kept_as_numbered_points() -> None:
    chat = at("5.1")
    chat.send(f"{SIX}；改进：{PLANS}")
    chat.send("1")
    problems = chat.report.text["s5.problems"]
    assert "（6）群众知晓率不高。" in problems and "六是" not in problems, problems
    chat.send("1")
    assert "（6）加强宣传。" in chat.report.text["s5.improvements"], chat.report.text["s5.improvements"]
