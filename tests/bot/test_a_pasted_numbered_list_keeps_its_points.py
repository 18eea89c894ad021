"""Problems pasted from another report as a numbered list (一是…；二是…；三是…，导致…) are drafted as its points:
the list's own ordinals are not printed again before the draft's (一是一是…), and a clause of consequence
(导致…, 造成…) stays with the point it follows instead of becoming a point of its own."""

from __future__ import annotations

from bot.dialog.facts import split_statements

from .test_dialog_facts_list import at, draft_part

PASTED = ("存在的主要问题：一是主动公开需进一步规范细化，内容更新要更加及时；二是业务学习需进一步加强；三是对政务公开工作的"
          "宣传引导不足，导致部分群众对政务公开的认知度和参与度不高。")


def test_a_numbered_list_is_drafted_without_its_own_ordinals() -> None:
    chat = at("5.1")
    draft = draft_part(chat.send(PASTED))
    for doubled in ("一是一是", "是二是", "是三是"):
        assert doubled not in draft, draft
    assert "主动公开需进一步规范细化" in draft and "业务学习需进一步加强" in draft, draft


def test_a_clause_of_consequence_stays_with_its_point() -> None:
    statements = split_statements("宣传引导不足，导致部分群众认知度不高；人员较少，造成更新不及时")
    assert [s.replace(",", "，") for s in statements] == ["宣传引导不足，导致部分群众认知度不高", "人员较少，造成更新不及时"]


IMPROVEMENTS = ("改进情况：一是常态化做好主动公开。聚焦重点工作，及时做好信息发布工作，提升重点领域信息公开质量；二是持续提升"
                "业务能力。强化业务培训，增强公开意识；三是加强对政务公开工作的宣传引导，提高干部群众的认识和参与度。")


def test_each_point_of_a_pasted_list_is_one_note_with_its_commas_inside() -> None:
    chat = at("5.1")
    chat.send(PASTED + "\n" + IMPROVEMENTS)
    assert len(chat.state["facts"]["5.1"]) == 6, chat.state["facts"]["5.1"]
    assert not any(f.startswith("存在的主要问题") for f in chat.state["facts"]["5.1"])


def test_pasted_improvements_are_drafted_as_plans_said_once() -> None:
    chat = at("5.1")
    chat.send(PASTED + "\n" + IMPROVEMENTS)
    draft = draft_part(chat.send("1"))
    assert "一是常态化做好主动公开" in draft and "做到常态化" not in draft, draft
    assert "加强对政务公开工作的宣传引导" in draft, draft
    assert "四是" not in draft and "二是持续提升业务能力" in draft, draft
