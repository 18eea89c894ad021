"""An evaluation given as a part's only note (效果较好 at 1.5, 群众反响良好 at 1.2) says no work of its own: the draft
is the part's own paragraph, its first sentence ended by the evaluation as a report judges its work
(…方便群众查询获取，取得较好效果。), never a sentence with nothing to judge (我镇效果较好。)."""

from __future__ import annotations

import pytest

from bot.drafting import Voice, draft_paragraph
from bot.report import empty_report, with_derived

from .dialog_helpers import Chat, township

VOICE = Voice("平安镇人民政府", "镇", "我镇", 2025, True)
REPORT = with_derived(empty_report(VOICE.name, "镇", 2025))


@pytest.mark.parametrize("variant", range(3))
@pytest.mark.parametrize("part", ["active", "management", "platform", "oversight"])
@pytest.mark.parametrize(("facts", "judged"), [
    ("效果较好", "，取得较好效果。"),
    ("效果不错", "，取得较好效果。"),
    ("群众反响良好", "，群众反响良好。"),
    ("效果较为明显，群众满意", "，取得较为明显的效果，群众满意。"),
])
def test_the_parts_own_work_is_stated_and_judged(part: str, facts: str, judged: str, variant: int) -> None:
    text = draft_paragraph(part, facts, REPORT, VOICE, variant=variant)
    first = text.split("。")[0] + "。"
    assert first.endswith(judged) and len(first) > len("我镇") + len(judged) + 8, text
    assert "我镇效果" not in text and "我镇群众" not in text and "我镇取得" not in text, text


def test_an_evaluation_with_a_point_still_ends_that_point() -> None:
    text = draft_paragraph("platform", "开通视频号，效果较好", REPORT, VOICE)
    assert "开通视频号，效果较好" in text, text


def test_the_clerk_at_1_2_who_only_says_it_went_well_gets_a_paragraph_of_the_work() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", "1")
    reply = chat.send("效果不错")
    assert "【1.2】" in reply and "取得较好效果。" in reply and "效果较好。" not in reply, reply
