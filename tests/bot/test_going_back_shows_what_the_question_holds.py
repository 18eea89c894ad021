"""返回 opens the step before the way 修改 opens a question: what it holds first (当前：…), a paragraph already
written shown to keep (回复1保留), the facts given before listed — never the question as if it were blank. Every
message goes through a JSON round trip of the state (tests/bot/dialog_helpers.py)."""

from __future__ import annotations

from .dialog_helpers import Chat, township

TABLES = ("你好", "0 0 0", "1 0 3", "2 0 0", "0", "是", "2 0 0 0 0 0", "无", "1 11", "1 0 0 0 0 0", "1 0 0 0 0 0",
          "1", "否")
ACTIVE = "政府网站信息公开专栏 56 条，政务公众号 120 条"


def _reply(chat: Chat, text: str) -> str:
    chat.send(text)
    return "\n".join(r.text for r in chat.last.replies)


def test_back_to_a_row_shows_its_numbers_before_asking():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "1 0 3")
    reply = _reply(chat, "返回")
    assert "当前：行政规范性文件 1 0 3。" in reply and reply.index("当前") < reply.index("【2.2】")


def test_back_to_a_gate_and_to_a_menu_shows_the_answer_given():
    chat = Chat(township())
    chat.say_all(*TABLES[:6])
    assert "当前：是" in _reply(chat, "返回")  # from 3.2 to 3.1
    chat = Chat(township())
    chat.say_all(*TABLES[:9])
    reply = _reply(chat, "返回")  # from the first chosen kind's counts to the menu
    assert "当前：已选 1. 予以公开、11. 无法提供·本机关不掌握。" in reply and "【3.4】" in reply


def test_back_to_a_paragraph_already_adopted_shows_it_to_keep():
    chat = Chat(township())
    chat.say_all(*TABLES, "1", ACTIVE, "1")
    adopted = chat.report.text["s1.active"]
    assert "【1.3】" in chat.last.replies[0].text
    reply = _reply(chat, "返回")
    assert "【1.2】" in reply and "这一段目前的内容如下" in reply and adopted in reply
    assert "1. 政府网站信息公开专栏56条" in reply and "回复1保留" in reply
    assert "【1.3】" in _reply(chat, "1")
    assert chat.report.text["s1.active"] == adopted


def test_back_to_the_opening_paragraph_from_the_next_part_shows_it_too():
    chat = Chat(township())
    chat.say_all(*TABLES, "1")
    opening = chat.report.text["s1.summary"]
    reply = _reply(chat, "返回")  # at 1.2's facts question: back to 1.1, adopted
    assert "【1.1】" in reply and opening in reply and "回复1保留" in reply


def test_back_from_a_draft_to_its_facts_lists_them_and_1_keeps_them():
    chat = Chat(township())
    chat.say_all(*TABLES, "1", ACTIVE)
    reply = _reply(chat, "返回")
    assert "【1.2】" in reply and "目前的要点：" in reply
    assert "1. 政府网站信息公开专栏56条" in reply and "2. 政务公众号120条" in reply
    reply = _reply(chat, "1")
    assert "草拟如下" in reply and "政务公众号发布信息120条" in reply
    assert "【1.3】" in _reply(chat, "1") and "政务公众号" in chat.report.text["s1.active"]


def test_back_to_a_question_never_answered_shows_no_current_line():
    chat = Chat(township())
    chat.say_all("你好", "跳过", "跳过")
    reply = _reply(chat, "返回")
    assert "【2.2】" in reply and "当前" not in reply
