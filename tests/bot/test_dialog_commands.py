"""Every command: 帮助 进度 返回 跳过 修改 预览 提交 重新开始 取消, across tables and after submitting."""

from __future__ import annotations

import pytest

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township


def _to_t3_results(chat: Chat) -> None:
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "2 0 0 0 0 0", "无")


def test_help_and_progress():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0")
    reply = chat.send("帮助")
    assert "修改 题号" in reply and "【2.2】" in reply
    reply = chat.send("进度")
    assert "【2.1】规章：已完成" in reply and "【2.2】行政规范性文件：未填写" in reply
    assert "已完成 1/" in reply


def test_back_goes_to_the_previous_question_then_returns():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "1 0 3")
    reply = chat.send("返回")
    assert "【2.2】" in reply
    chat.send("2 0 4")
    assert chat.report.cells["t2.normative.issued"] == 2
    assert "【2.3】" in chat.last.replies[0].text  # back where the user was


def test_back_on_the_first_question():
    chat = Chat(township())
    chat.send("你好")
    assert "第一题" in chat.send("返回")


def test_edit_across_tables_then_continue():
    chat = Chat(township())
    _to_t3_results(chat)
    assert "【3.4】" in chat.last.replies[0].text
    reply = chat.send("修改 2.1")
    assert "【2.1】" in reply
    chat.send("0 0 0")  # unchanged answer
    assert "【3.4】" in chat.last.replies[0].text  # came back to where the user was
    chat.send("修改2.3")
    chat.send("5 1 0")
    assert chat.report.cells["t2.license"] == 5
    assert "【3.4】" in chat.last.replies[0].text
    chat.send("1")
    chat.send("2 0 0 0 0 0")
    chat.send("1")
    assert "【4.1】" in chat.last.replies[0].text


def test_edit_a_result_row_from_table_four_and_the_carry_over_is_confirmed_again():
    chat = Chat(township())
    _to_t3_results(chat)
    chat.say_all("1", "2 0 0 0 0 0", "1")
    assert "【4.1】" in chat.last.replies[0].text
    chat.send("修改 3.5")
    reply = chat.send("1 0 0 0 0 0")
    assert chat.report.cells["t3.open.person"] == 1
    # was: 结转下年度 stayed 0 and R1 was reported with four 修改 commands (QA 4); now it is asked again at once
    assert "【3.6】" in reply and "自然人 1" in reply and "已重新计算" in reply
    chat.send("1")
    assert chat.report.cells["t3.carry_over.person"] == 1
    assert "【4.1】" in chat.last.replies[0].text


def test_edit_unknown_and_not_relevant_codes():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否")
    assert "没有找到题号" in chat.send("修改 9.9")
    reply = chat.send("修改 3.2")
    assert "【3.1】" in reply and "无需填写" in reply


def test_cancel_leaves_an_edit():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0")
    chat.send("修改 2.1")
    reply = chat.send("取消")
    assert "已取消" in reply and "【2.3】" in reply
    assert "没有需要取消" in chat.send("取消")


def test_skip_and_submit_lists_the_skipped():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0")
    reply = chat.send("跳过")
    assert "已跳过【2.2】" in reply and "【2.3】" in reply
    chat.say_all("0 0 0", "0", "否", "否", *PROSE_ALL_DEFAULT)
    assert "【2.2】" in chat.last.replies[0].text  # named as still to do
    reply = chat.send("提交")
    assert "【2.2】行政规范性文件（已跳过）" in reply and "submitted" not in chat.last.events
    chat.send("修改 2.2")
    chat.send("0 0 0")
    chat.send("提交")
    assert "submitted" in chat.last.events


def test_preview_sends_the_report_through_the_api():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0")
    reply = chat.send("预览")
    assert "表二" in reply and "全文" in reply and "【2.2】" in reply
    assert [r.kind for r in chat.last.replies[1:]] == ["file"]
    reply = chat.send("全文")
    parts = chat.last.replies[1:]
    assert "随后发送" in reply and "【2.2】" in reply and parts
    assert all(len(p.text.encode()) <= 2048 for p in parts)
    assert "二、主动公开政府信息情况" in "".join(p.text for p in parts)


def test_restart_asks_for_confirmation():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "1 0 3")
    assert "确认" in chat.send("重新开始")
    reply = chat.send("取消")
    assert "已取消" in reply and chat.report.cells["t2.normative.issued"] == 1
    chat.send("重新开始")
    reply = chat.send("确认")
    assert "已清空" in reply and "【2.1】" in reply
    assert "t2.normative.issued" not in chat.report.cells
    assert chat.last.changes["t2.normative.issued"] == (1, None)


def test_submitted_report_cannot_be_edited_but_can_be_previewed():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", *PROSE_ALL_DEFAULT, "提交")
    assert "submitted" in chat.last.events
    chat.with_status("submitted")
    reply = chat.send("修改 2.1")
    assert "不能修改" in reply and chat.last.changes == {}
    assert "不能修改" in chat.send("1 2 3")
    chat.send("预览")
    assert len(chat.last.replies) > 1
    chat.with_status("approved")
    assert "审核通过" in chat.send("提交")


def test_returned_report_greets_with_the_reason_and_resumes_at_the_question_concerned():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", *PROSE_ALL_DEFAULT, "提交")
    chat.with_status("returned", "平台建设部分请补充政务新媒体情况")
    reply = chat.send("", kind="enter_agent")
    assert "平台建设部分请补充政务新媒体情况" in reply and "【1.5】" in reply
    chat.send("开通公众号“柳园口乡发布”，全年发布 80 条")
    chat.send("1")
    assert "公众号" in chat.report.text["s1.platform"]
    assert "全部题目已填写完毕" in chat.last.replies[0].text
    chat.send("提交")
    assert "submitted" in chat.last.events


def test_emoji_a_phone_adds_do_not_hide_a_command_a_yes_or_a_number():
    chat = Chat(township())
    chat.say_all("你好🙂", "0 0 0👌")
    assert chat.report.cells["t2.regulations.issued"] == 0
    assert "修改 题号" in chat.send("帮助🙏")
    chat.say_all("0 0 0", "0 0 0", "0")
    chat.send("是的😊")
    assert "【3.2】" in chat.last.replies[0].text  # the yes was read: on to 本年新收


def test_a_command_missed_by_one_character_is_named_not_read_as_a_bad_number():
    chat = Chat(township())
    chat.say_all("你好")
    reply = chat.send("帮主")
    assert "如要帮助，请回复「帮助」" in reply and "不是数字" not in reply
    assert "如要进度，请回复「进度」" in chat.send("进渡")
    assert "【2.2】" in chat.send("0 0 0") and chat.report.cells["t2.regulations.issued"] == 0  # 2.1 still asked
    assert "【2.1】" in chat.send("上一题")  # back, as 返回
    assert "【2.2】" in chat.send("跳过吧")  # 2.1 skipped again: on to 2.2


@pytest.mark.parametrize("asked", ["怎么改", "怎么填？", "咋弄啊", "不知道怎么填"])
def test_asking_how_gets_the_commands_and_the_question_again(asked):
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0")
    reply = chat.send(asked)
    assert "修改 题号" in reply and "【3.1】" in reply and "没有看懂" not in reply, reply
    assert "3.1" not in chat.state["answered"]
