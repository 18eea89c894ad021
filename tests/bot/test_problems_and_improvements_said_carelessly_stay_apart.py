"""五 said carelessly in a QA round: 改进 typed without its colon (…有时候更新慢 改进 明年争取配个专人) ran the improvement
into the problems (…有时更新慢、改进。) and lost it; an improvement given in 改 N (…；改进：配备专人负责) was listed as a
problem, among them; and 改 2 对不属于本机关掌握的信息，告知申请人… was cut at its comma into two points. The problems
and what is done about them stay apart, each in its own part and in its own place in the list."""

from __future__ import annotations

import re

from bot.drafting import split_problems

from .dialog_helpers import Chat
from .test_dialog_prose import at, reply


def _all(chat: Chat) -> str:
    return "\n".join(r.text for r in chat.last.replies)

SAID = "人手不够 就我一个人兼着搞 有时候更新慢 改进 明年争取配个专人"
IMPROVE = "改进："


def test_a_bare_improve_mark_parts_the_problems_from_the_plan_and_the_verb_does_not() -> None:
    problems, improvements = split_problems(SAID)
    assert problems == ["工作人员不足", "仅有1名兼职工作人员", "信息更新有时不够及时"]
    assert improvements == ["明年争取配备专人"]
    # 改进 as the verb of a problem is no mark
    assert split_problems("工作方法有待改进，信息更新不够及时") == (["工作方法有待改进", "信息更新不够及时"], [])


def test_the_problems_draft_leaves_the_plan_to_the_improvements() -> None:
    chat = at("5.1", "镇")
    chat.send(SAID)
    offered = reply(chat).split("\n要点：\n")[0]
    assert "改进" not in offered and "搞" not in offered and "明年" not in offered, offered
    assert "工作人员不足" in offered and "信息更新有时不够及时" in offered, offered
    chat.send("1")
    assert "【5.2】" in _all(chat) and "配备专人" in _all(chat).split("【5.2】")[1].split("\n要点：\n")[0], _all(chat)


def _listed(text: str) -> list[str]:
    return re.findall(r"^\d+\. (.+)$", text.split("\n要点：\n")[-1], re.M)


def test_an_improvement_given_in_a_change_is_listed_after_the_problems() -> None:
    chat = at("5.1", "镇")
    chat.send("人手不够 就我一个人兼着搞")
    chat.send("改 1 工作人员不足，信息更新不够及时；改进：配备专人负责")
    listed = _listed(reply(chat))
    assert listed == ["工作人员不足", "信息更新不够及时", "仅有1名兼职工作人员", f"{IMPROVE}配备专人负责"], listed
    chat.send("1")
    chat.send("加强业务学习")
    listed = _listed(_all(chat))
    kinds = [item.startswith(IMPROVE) for item in listed]
    assert kinds == sorted(kinds) and kinds.count(True) == 2, listed  # no improvement among the problems


def test_a_topic_and_what_was_done_about_it_stay_one_point() -> None:
    chat = at("1.3", "镇")
    chat.send("都是按时答复的没超期")
    chat.send("改 1 对不属于本机关掌握的信息，告知申请人向县自然资源局咨询")
    assert _listed(reply(chat)) == ["对不属于本机关掌握的信息，告知申请人向县自然资源局咨询"], reply(chat)
