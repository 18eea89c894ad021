"""Unknown is not zero (QA 27, finding 4): a question the clerk skipped (跳过) leaves its figures unknown, and a draft
leaves them out; it never says 未作出…, 未收到… or 未发生… for them. Answered later, the drafts state them."""

from __future__ import annotations

from .dialog_helpers import Chat, township

_NONE_OF_TABLE_TWO = "未作出行政许可、行政处罚和行政强制决定"


def test_decisions_skipped_are_not_drafted_as_none_until_they_are_given():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "跳过", "0", "否", "否")
    chat.send("1")  # 1.1
    offer = chat.send("政府网站 56 条")  # 1.2: the draft
    assert "政府网站" in offer and "决定" not in offer
    chat.send("1")
    assert "决定" not in chat.report.text["s1.active"]
    chat.send("修改 2.3")
    chat.send("0 0 0")  # now known: none were made, and the paragraph taken as drafted says so
    assert _NONE_OF_TABLE_TWO in chat.report.text["s1.active"]


def test_one_decision_skipped_leaves_only_that_one_unsaid():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "跳过", "0", "否", "否", "1")
    chat.report.cells["t2.license"] = 3  # 许可 known, 处罚 and 强制 not (a pasted row with blanks)
    offer = chat.send("政府网站 56 条")
    assert "作出行政许可决定3件" in offer and "处罚" not in offer and "强制" not in offer


def test_applications_skipped_are_not_drafted_as_none_in_the_opening():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0")
    reply = chat.say_all("跳过", "跳过", "跳过", "跳过", "跳过", "否")  # 3.1 to 3.6 skipped, 4.1 否
    assert "【1.1】" in reply and "申请" not in reply.split("草拟如下：")[1].split("回复1采用")[0]


def test_applications_skipped_leave_the_request_paragraph_to_the_appeals():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "跳过", "跳过", "跳过", "跳过", "跳过", "否")
    reply = chat.say_all("1", "政府网站 56 条", "1")  # 1.1, 1.2 → 1.3
    draft = reply.split("草拟如下：")[1].split("回复1采用")[0]
    assert "【1.3】" in reply and "申请" not in draft and "未发生因政府信息公开" in draft


def test_both_tables_skipped_leave_the_request_paragraph_waiting_not_empty():
    chat = Chat(township())
    skips = ("跳过",) * 7  # 3.1–3.4, 3.6, 4.1, 4.2 (3.5 and 4.3 count the kinds skipped: not asked)
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", *skips)
    reply = chat.say_all("1", "政府网站 56 条", "1")  # 1.1, 1.2 → 1.3
    assert "【1.3】" in reply and "未收到" not in reply and "未发生" not in reply
    assert "【3.1】" in reply and "【4.1】" in reply and "尚未填写" in reply
    reply = chat.send("1")  # nothing drafted: there is nothing to adopt
    assert "【1.3】" in reply and "s1.on_request" not in chat.report.text and "1.3" not in chat.state["answered"]


def test_appeals_whose_counts_were_skipped_are_not_drafted_as_none():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "是", "1")  # 4.2: 行政复议
    reply = chat.send("跳过")  # 4.3 skipped
    reply = chat.say_all("1", "政府网站 56 条", "1")
    assert "【1.3】" in reply and "未收到政府信息公开申请" in reply
    assert "行政复议" not in reply and "行政诉讼" not in reply
