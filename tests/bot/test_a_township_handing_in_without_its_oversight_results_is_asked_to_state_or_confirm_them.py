"""A 乡、镇 or 街道 is a people's government: its 监督保障 states 工作考核、社会评议和责任追究结果 (DOMAIN.md, 一（五）).
The draft offer hints at what is missing; 提交 lists what is still unstated among the other warnings, with 「修改 1.6」
to add it, and hands the report in once the clerk confirms with a reason. A department is asked nothing of the kind."""

from __future__ import annotations

from dataclasses import replace

import pytest

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

ZERO_TABLES = ("0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
OVERSIGHT_FACTS = PROSE_ALL_DEFAULT.index("培训 2 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究")


def _prose(oversight: str) -> tuple[str, ...]:
    return (*PROSE_ALL_DEFAULT[:OVERSIGHT_FACTS], oversight, *PROSE_ALL_DEFAULT[OVERSIGHT_FACTS + 1:])


def _filled(chat: Chat, oversight: str) -> str:
    chat.say_all("你好", *ZERO_TABLES, *_prose(oversight))
    assert "全部题目已填写完毕" in chat.last.replies[0].text
    return chat.send("提交")


# a reason may name 考核 without stating a result of it (乡镇不单独考核): it is the reason, and hands in
@pytest.mark.parametrize("reason", ["已向县政务公开办核实", "乡镇不单独考核，由县统一考核", "考核由县政府统一组织，结果明年公布"])
def test_a_township_that_states_only_its_training_is_told_what_is_unstated_before_it_hands_in(reason: str) -> None:
    chat = Chat(township())
    reply = _filled(chat, "培训 2 次")
    assert "submitted" not in chat.last.events
    assert "监督保障尚未写明工作考核、社会评议、责任追究情况" in reply, reply
    assert "「修改 1.6」" in reply and "确认提交" in reply
    # a reason that states the results themselves makes them the part's notes instead (test_results_stated_in_a_…)
    chat.send(f"确认提交 {reason}")
    assert "submitted" in chat.last.events
    assert f"warning_accepted:R14:{reason}" in chat.last.events


def test_a_township_that_adds_its_results_when_told_hands_in_without_a_reason() -> None:
    chat = Chat(township())
    _filled(chat, "培训 2 次")
    chat.send("修改 1.6")
    chat.send("培训 2 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究")
    chat.send("1")
    assert all(word in chat.report.text["s1.oversight"] for word in ("考核", "评议", "责任追究"))
    reply = chat.send("提交")
    assert "submitted" in chat.last.events, reply


def test_only_the_results_left_out_are_named() -> None:
    chat = Chat(township())
    reply = _filled(chat, "培训 2 次；纳入年度考核，考核结果为良好；无责任追究")
    assert "监督保障尚未写明社会评议情况" in reply, reply


def test_an_assessment_named_without_its_result_leaves_the_result_unstated() -> None:
    """条例 第五十条 and the 2021 format ask a people's government for the 工作考核结果: 纳入年度考核 says the work is
    assessed, not how it fared; it had counted as the 工作考核 stated."""
    chat = Chat(township())
    reply = _filled(chat, "培训 2 次；纳入年度考核；开展群众满意度评议；无责任追究")
    assert "submitted" not in chat.last.events and "监督保障尚未写明工作考核情况" in reply, reply


def test_a_township_that_states_all_three_hands_in_at_once() -> None:
    chat = Chat(township())
    _filled(chat, "培训 2 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究")
    assert chat.last.events == ["submitted"], chat.last.replies[0].text


def test_a_department_is_not_asked_for_a_governments_results() -> None:
    chat = Chat(replace(township(), unit="示范县教育局", unit_kind="县级部门"))
    reply = _filled(chat, "培训 2 次")
    assert "尚未写明" not in reply and "submitted" in chat.last.events, reply


def test_the_reason_is_kept_as_typed_with_its_chinese_punctuation() -> None:
    """The supervisor reads the reason in the clerk's own characters: a reason had reached them with a half-width
    comma, as the command is read."""
    chat = Chat(township())
    _filled(chat, "培训 2 次")
    chat.send("确认提交 县里考核就是县政府考核，已向政务公开办说明（已说明）")
    assert "warning_accepted:R14:县里考核就是县政府考核，已向政务公开办说明（已说明）" in chat.last.events, chat.last.events



@pytest.mark.parametrize(("unit", "kind", "named"), [
    ("示范县人民政府", "县级政府", "按格式要求，县级人民政府应在监督保障中写明"),
    ("龙亭区柳园口乡", "乡", "按格式要求，乡人民政府应在监督保障中写明"),
    ("东城街道办事处", "街道", "按格式要求，街道办事处应在监督保障中写明"),
])
def test_the_warning_names_the_units_own_kind_of_government(unit: str, kind: str, named: str) -> None:
    """A 县人民政府 was told 「乡镇、街道等人民政府应在监督保障中写明…」, a duty of another kind of unit."""
    chat = Chat(replace(township(), unit=unit, unit_kind=kind))
    reply = _filled(chat, "培训 2 次")
    assert named in reply and "乡镇、街道等" not in reply, reply
