"""A bare evaluation the clerk adds (效果较好, 反响挺好的) judges the point before it: the draft ends that point's
sentence with it (…发布信息56条，效果较好。), never opens a sentence of its own with a connective that joins nothing
(此外，效果较好。) or without a subject (。效果较好。)."""

from __future__ import annotations

import pytest

from bot.drafting import Voice, clean_note, draft_paragraph
from bot.report import empty_report, with_derived

from .dialog_helpers import Chat, township

VOICE = Voice("平安镇人民政府", "镇", "我镇", 2025, True)
REPORT = with_derived(empty_report(VOICE.name, "镇", 2025))


@pytest.mark.parametrize("variant", range(3))
@pytest.mark.parametrize(("part", "facts", "judged"), [
    ("active", "网站发布56条，效果较好", "发布信息56条，效果较好。"),
    ("active", "网站发布56条，开展政策解读，群众反响良好", "开展政策解读，群众反响良好。"),
    ("platform", "开通视频号，反响挺好的", "开通视频号，反响较好"),
])
def test_the_evaluation_ends_the_point_before_it(part: str, facts: str, judged: str, variant: int) -> None:
    text = draft_paragraph(part, facts, REPORT, VOICE, variant=variant)
    assert judged in text, text
    for connective in ("此外，", "另外，", "同时，", "。"):
        assert f"{connective}效果" not in text and f"{connective}群众反响" not in text, text


def test_the_clerk_at_1_2_gets_the_evaluation_after_its_count() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", "1")
    reply = chat.send("网站发布56条，效果较好")
    assert "【1.2】" in reply and "发布信息56条，效果较好。" in reply


@pytest.mark.parametrize(("said", "written"), [("效果不错", "效果较好"), ("反响挺好的", "反响较好"),
                                               ("效果很好", "效果良好")])
def test_an_evaluation_said_aloud_is_written_as_a_report_judges(said: str, written: str) -> None:
    assert clean_note(said) == written
