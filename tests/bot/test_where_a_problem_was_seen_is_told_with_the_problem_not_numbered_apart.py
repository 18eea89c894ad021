"""Where a problem was seen (部分村两个月未更新 — often a return reason the clerk adds in answer) is told after the
problem it is an instance of (信息更新不够及时，部分村两个月未更新), as its extent: never numbered as a problem of its
own (一是信息更新不够及时；二是部分村两个月未更新). An instance of no problem said before stands as one."""

from __future__ import annotations

import pytest

from bot.drafting import Voice, draft_paragraph, split_problems
from bot.report import empty_report, with_derived

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

VOICE = Voice("东城镇人民政府", "镇", "我镇", 2025, True)
REPORT = with_derived(empty_report(VOICE.name, "镇", 2025))


def test_the_clerks_redraft_after_a_return_tells_the_instance_with_its_problem() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", *PROSE_ALL_DEFAULT, "提交")
    chat.with_status("returned", "5.1存在问题写得太笼统，部分村两个月未更新")
    assert "【5.1】" in chat.send("你好")
    reply = chat.send("部分村两个月未更新")
    assert "主要是信息更新不够及时，部分村两个月未更新。" in reply, reply
    assert "二是" not in reply.split("要点：")[0]


@pytest.mark.parametrize("variant", range(3))
def test_the_instance_follows_its_problem_among_several(variant: int) -> None:
    text = draft_paragraph("problems", "村级公开栏更新不及时，解读形式单一，部分村两个月未更新", REPORT, VOICE,
                           variant=variant)
    assert "一是村级公开栏更新不及时，部分村两个月未更新；二是政策解读形式单一。" in text, text
    plans = draft_paragraph("improvements", "村级公开栏更新不及时，部分村两个月未更新", REPORT, VOICE, variant=variant)
    assert "针对村级公开栏更新不及时的问题" in plans, plans


@pytest.mark.parametrize(("facts", "problems"), [
    ("信息更新不够及时，部分村两个月未更新", ["信息更新不够及时，部分村两个月未更新"]),
    ("解读形式单一，个别社区未公开财务", ["政策解读形式单一", "个别社区未公开财务"]),
    ("部分村两个月未更新", ["部分村两个月未更新"]),
])
def test_only_an_instance_of_a_problem_said_before_joins_it(facts: str, problems: list[str]) -> None:
    assert split_problems(facts)[0] == problems
