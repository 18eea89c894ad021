"""A confirmation the clerk's conversation awaits (重新开始, 提交 with warnings) is answered by its 确认 (or the
reason asked for) or by 取消; any other message drops it, and the reply says first that the action was not carried
out — a later 是 or a reason never acts on it. Every message goes through a JSON round trip of the state."""

from __future__ import annotations

import pytest

from bot.importers import import_report
from tests.conftest import seed_path

from .dialog_helpers import Chat, township


def _reply(chat: Chat, text: str) -> str:
    chat.send(text)
    return "\n".join(r.text for r in chat.last.replies)


@pytest.mark.parametrize("other", ["进度", "帮助", "预览", "修改 2.1", "继续", "返回"])
def test_restart_not_confirmed_is_said_not_carried_out_and_a_later_yes_does_not_restart(other):
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "1 0 3")
    chat.send("重新开始")
    reply = _reply(chat, other)
    assert reply.startswith("请注意：重新开始（清空已填内容）尚未确认，未予执行")
    chat.send("是")
    assert chat.report.cells.get("t2.normative.issued") == 1 and chat.state["greeted"]
    assert "已清空" not in chat.last.replies[0].text


def test_restart_cancelled_says_what_was_kept():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0")
    chat.send("重新开始")
    assert _reply(chat, "取消").startswith("已取消重新开始，已填内容保持不变。")
    chat.send("重新开始")
    assert _reply(chat, "不了").startswith("已取消重新开始")
    assert chat.report.cells["t2.regulations.issued"] == 0


def _waiting_for_a_reason() -> Chat:
    previous = import_report(seed_path(4)).report  # R8 warns about 1 0 5
    chat = Chat(township(previous))
    chat.say_all("你好", "0 0 0", "1 0 5", "0 0 0", "0", "否", "否")
    while "全部题目已填写完毕" not in chat.last.replies[0].text:
        chat.send("1")
    chat.send("提交")
    assert chat.state["pending"] == "submit_reason"
    return chat


@pytest.mark.parametrize("other", ["预览", "进度", "修改 2.2"])
def test_submit_waiting_for_its_reason_is_said_not_carried_out_when_another_command_comes(other):
    chat = _waiting_for_a_reason()
    reply = _reply(chat, other)
    assert reply.startswith("请注意：提交报告尚未确认，未予执行；如需执行，请重新发送「提交」。")
    chat.send("补录往年文件")
    assert "submitted" not in chat.last.events and not chat.state["submitted"]


def test_submit_cancelled_is_said_so_and_its_reason_still_submits_when_given():
    chat = _waiting_for_a_reason()
    assert _reply(chat, "取消").startswith("已取消提交报告，该操作未执行。")
    chat.send("提交")
    chat.send("补录往年文件")
    assert "submitted" in chat.last.events


def test_a_reason_given_with_confirm_alone_still_submits():
    chat = _waiting_for_a_reason()
    chat.send("确认 补录往年文件")
    assert "submitted" in chat.last.events and "warning_accepted:R8:补录往年文件" in chat.last.events
