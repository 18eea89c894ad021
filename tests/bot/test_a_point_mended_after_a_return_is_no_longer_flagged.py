"""A return reason that finds fault with a point (市长热线不属于主动公开) leads the clerk to it (退回意见提到第 2 条 …
请回复“删除 2”或“改 2 新内容”); once the clerk has changed that point (改 2 …) or removed it (删除 2), it is no longer
asked about, even when the new words still share words with the reason. A point the clerk has not touched is still
flagged, and a new return starts afresh."""

from __future__ import annotations

from .test_dialog_prose import at

REASON = "主动公开部分的市长热线不属于主动公开，请删除"


def returned(facts: str) -> object:
    chat = at("1.2")
    chat.send(facts)
    chat.send("1")
    chat.with_status("returned", REASON)
    reply = chat.send("好的")
    assert "退回意见提到第 2" in reply, reply
    return chat


def test_a_point_changed_in_words_the_reason_shares_is_no_longer_flagged() -> None:
    chat = returned("政务公众号120条，市长热线转办290件")
    reply = chat.send("改 2 市长热线相关信息已移至其他部分")
    assert "市长热线相关信息已移至其他部分" in reply and "退回意见提到" not in reply, reply
    reply = chat.send("返回")
    assert "退回意见提到" not in reply, reply


def test_a_point_left_untouched_is_still_flagged_after_another_is_changed() -> None:
    chat = returned("政务公众号120条，市长热线转办290件，市长热线回访满意率98%")
    reply = chat.send("改 2 政府网站发布信息56条")
    assert "退回意见提到第 3 条（市长热线）" in reply and "删除 3" in reply, reply


def test_a_point_removed_leaves_none_flagged() -> None:
    chat = returned("政务公众号120条，市长热线转办290件，政务公开栏12期")
    reply = chat.send("删除 2")
    assert "退回意见提到" not in reply, reply


def test_a_new_return_flags_the_changed_point_again() -> None:
    chat = returned("政务公众号120条，市长热线转办290件")
    chat.send("改 2 市长热线相关信息已移至其他部分")
    chat.send("1")
    chat.with_status("returned", "市长热线相关信息不属于主动公开，请删除")
    reply = chat.send("好的")
    assert "退回意见提到第 2 条" in reply, reply


def test_the_words_two_flagged_points_share_with_the_reason_are_named_once() -> None:
    chat = at("1.2")
    chat.send("政务公众号120条，市长热线转办290件，市长热线回访满意率98%")
    chat.send("1")
    chat.with_status("returned", REASON)
    reply = chat.send("好的")
    assert "退回意见提到第 2、3 条（市长热线）" in reply, reply
