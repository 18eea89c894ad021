"""A language model's draft goes through what the built-in drafts go through: its points are numbered as theirs are
(一是 … at most 五是, in order, never more points than the clerk gave — a 六是 after five facts is a point made up,
and the template is offered instead); adopted, it is held as drafted from the facts and figures it was asked with, so
a change to them (a table corrected at 修改 2.3) drafts the part again, as a built-in draft is, and the clerk is told;
kept again at 修改, it stays held; a draft the model wrote from facts or figures changed meanwhile is not offered.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from bot.dialog import step
from bot.drafting import ModelDraft, check_model_draft, model_facts
from bot.incoming import Incoming
from bot.report import Report, empty_report, with_derived
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT, WHEN, Chat, township
from tests.bot.draft_samples import voice

UNIT = "青山乡人民政府"
FIVE = "信息更新不及时，政策解读形式单一，专栏部分子栏目内容空缺，公开栏更新不规范，工作人员业务能力不足"
FIVE_POINTS = "存在问题：一是信息更新不及时；二是政策解读形式单一；三是专栏部分子栏目内容空缺；四是公开栏更新不规范；五是工作人员业务能力不足。"


def _problems(text: str, facts: str = FIVE) -> list[str]:
    items = model_facts("problems", facts)
    report = with_derived(empty_report(UNIT, "乡", 2025))
    return check_model_draft(ModelDraft(text.replace("存在问题：", "我乡存在问题："), tuple(range(1, len(items) + 1))),
                             "problems", items, report, voice(UNIT, "乡", 2025))


def test_five_points_from_five_facts_pass() -> None:
    assert _problems(FIVE_POINTS) == []


@pytest.mark.parametrize(("text", "problem"), [
    (FIVE_POINTS.replace("。", "；六是群众知晓率不高。"), "points past 五是"),
    (FIVE_POINTS.replace("。", "；六是群众知晓率不高。"), "6 points from 5 facts"),
    (FIVE_POINTS.replace("三是", "四是", 1), "points out of order"),
], ids=["six-is", "a-sixth-point-made-up", "out-of-order"])
def test_a_point_past_five_or_made_up_or_out_of_order_is_rejected(text: str, problem: str) -> None:
    assert any(problem in p for p in _problems(text)), _problems(text)


def test_more_points_than_facts_is_rejected_below_five_too() -> None:
    three = "我乡存在问题：一是信息更新不及时；二是政策解读形式单一；三是群众知晓率不高。"
    assert any("3 points from 2 facts" in p for p in _problems(three, facts="信息更新不及时，政策解读形式单一"))


# --- in the dialog ---------------------------------------------------------------------------------------------

MODEL_TEXT = "2025年，我乡通过政府网站信息公开专栏发布信息56条、政务公众号发布信息120条，全年作出行政处罚决定5件。"


def _model_chat() -> Chat:
    """Tables answered (2.3: 许可3件、处罚5件、强制0件), standing at 1.2's facts question, drafts written by a model."""
    chat = Chat(replace(township(), model_drafts=True))
    chat.say_all("你好", "0 0 0", "0 0 0", "3 5 0", "0", "否", "否", PROSE_ALL_DEFAULT[0])
    assert "【1.2】" in chat.last.replies[0].text
    return chat


def _ask_model(chat: Chat) -> dict:
    """The clerk's facts: 正在草拟 and a model-draft job for 1.2."""
    chat.send(PROSE_ALL_DEFAULT[1])
    [job] = [r.deferred for r in chat.last.replies if r.deferred is not None]
    assert job.kind == "model_draft" and job.args["code"] == "1.2"
    return job.args


def _arrives(chat: Chat, args: dict, text: str) -> str:
    """The model's draft arriving as the job delivers it (an Incoming of kind "draft")."""
    incoming = Incoming("zhangsan", "draft", WHEN, text=text, event_key=f"{args['code']}#{args['n']}")
    result = step(chat.state, chat.report, incoming, chat.ctx)
    chat.state = json.loads(json.dumps(result.state, ensure_ascii=False))
    chat.report = Report.from_json(result.report.to_json())
    chat.results.append(result)
    return result.replies[0].text if result.replies else ""


def test_an_adopted_model_draft_is_drafted_again_when_its_table_changes() -> None:
    chat = _model_chat()
    offered = _arrives(chat, _ask_model(chat), MODEL_TEXT)
    assert MODEL_TEXT in offered
    chat.send("1")
    assert chat.report.text["s1.active"] == MODEL_TEXT
    told = chat.say_all("修改 2.3", "3 6 0")
    text = chat.report.text["s1.active"]
    assert "行政处罚决定6件" in text and "5件" not in text, text
    assert any("同步更新【1.2】" in r.text for result in chat.results[-2:] for r in result.replies), told


def test_a_model_draft_kept_at_modify_stays_held_and_is_drafted_again_later() -> None:
    chat = _model_chat()
    _arrives(chat, _ask_model(chat), MODEL_TEXT)
    chat.send("1")
    shown = chat.send("修改 1.2")
    assert MODEL_TEXT in shown
    chat.send("1")  # kept as it stands
    assert chat.report.text["s1.active"] == MODEL_TEXT
    chat.say_all("修改 2.3", "3 6 0")
    assert "行政处罚决定6件" in chat.report.text["s1.active"], chat.report.text["s1.active"]


def test_a_clerks_own_words_are_never_drafted_again() -> None:
    chat = _model_chat()
    _arrives(chat, _ask_model(chat), MODEL_TEXT)
    own = "2025年，我乡在政府网站发布信息56条，全年作出行政处罚决定5件。"
    chat.send(own)  # the clerk writes the paragraph instead
    chat.send("1")
    assert chat.report.text["s1.active"] == own
    chat.say_all("修改 2.3", "3 6 0")
    assert chat.report.text["s1.active"] == own


def test_a_model_draft_written_from_what_has_changed_since_is_not_offered() -> None:
    chat = _model_chat()
    args = _ask_model(chat)
    chat.state["drafting"][2] = "what the draft was asked with, since changed"
    offered = _arrives(chat, args, MODEL_TEXT)
    assert MODEL_TEXT not in offered
    assert chat.state["offered"]["1.2"] in offered  # the template draft of what stands now


def test_a_state_saved_before_drafts_were_held_still_takes_its_model_draft() -> None:
    """A conversation saved mid-draft by the previous version ([code, n] only): the draft is offered, not held."""
    chat = _model_chat()
    args = _ask_model(chat)
    chat.state["drafting"] = chat.state["drafting"][:2]
    assert MODEL_TEXT in _arrives(chat, args, MODEL_TEXT)
