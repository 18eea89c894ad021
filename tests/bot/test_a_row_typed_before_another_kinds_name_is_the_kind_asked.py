"""At the result kinds' numbers (3.5), a full row typed before another kind's name (3 0 0 0 0 0 另有一件部分公开;
2 0 0 0 0 0，部分公开的下一题再说) is the row of the kind asked: a name speaks of the kind meant only when it leads the
reply. The other kind is told where it stands: asked next, asked later, already answered (not changed), or not
chosen (how to add it) — never “already filled” of a kind not yet asked."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township

ZERO_T2 = ("0 0 0", "0 0 0", "0 0 0", "0")
APPLICATIONS = ("你好", *ZERO_T2, "是", "4 0 0 0 0 0", "无")


def _at_the_first_kind(kinds: str) -> Chat:
    chat = Chat(township())
    chat.say_all(*APPLICATIONS, kinds)
    assert chat.state["cur"] == ["3.5", 0]
    return chat


@pytest.mark.parametrize("said", ("3 0 0 0 0 0 另有一件部分公开", "3 0 0 0 0 0，部分公开的下一题再说"))
def test_a_row_before_the_next_kinds_name_is_the_kind_asked_and_the_next_is_asked(said: str) -> None:
    chat = _at_the_first_kind("1 2")  # 予以公开, 部分公开
    reply = chat.send(said)
    assert chat.report.cells["t3.open.person"] == 3 and "t3.partial.person" not in chat.report.cells, reply
    assert "已经填写过" not in reply and "「部分公开」的件数请在下一题填写。" in reply, reply
    assert chat.state["cur"] == ["3.5", 1] and "【3.5】办理结果件数·部分公开" in reply, reply


def test_a_kind_named_after_the_row_and_asked_later_is_said_to_come_later() -> None:
    chat = _at_the_first_kind("1 2 11")  # 予以公开, 部分公开, 本机关不掌握
    reply = chat.send("2 0 0 0 0 0 另有一件本机关不掌握")
    assert chat.report.cells["t3.open.person"] == 2, reply
    assert "「无法提供·本机关不掌握」的件数将在后面单独询问，届时请填写。" in reply, reply


def test_a_kind_named_after_the_row_and_not_chosen_is_said_how_to_add() -> None:
    chat = _at_the_first_kind("1 2")
    reply = chat.send("3 0 0 0 0 0 另有一件本机关不掌握")
    assert chat.report.cells["t3.open.person"] == 3, reply
    assert "不在您选择的办理结果中" in reply and "修改 3.4" in reply, reply


def test_a_kind_already_answered_named_after_the_row_is_said_unchanged() -> None:
    chat = _at_the_first_kind("1 2")
    chat.send("3 0 0 0 0 0")
    reply = chat.send("1 0 0 0 0 0，予以公开的上一题填过了")
    assert chat.report.cells["t3.partial.person"] == 1 and chat.report.cells["t3.open.person"] == 3, reply
    assert "「予以公开」已经填写过，未作改动" in reply, reply


def test_a_kind_named_first_and_not_yet_asked_is_never_said_already_filled() -> None:
    chat = _at_the_first_kind("1 2")
    reply = chat.send("部分公开的有些")
    assert "已经填写过" not in reply and "「部分公开」的件数将在后面单独询问，本次未记入。" in reply, reply
    assert "当前请填写「予以公开」的件数" in reply and "t3.open.person" not in chat.report.cells


@pytest.mark.parametrize("said", ("部分公开 1 0 0 0 0 0", "部分公开有一件"))
def test_a_kind_named_first_with_its_count_is_filled_where_named(said: str) -> None:
    chat = _at_the_first_kind("1 2")
    reply = chat.send(said)
    assert chat.report.cells["t3.partial.person"] == 1 and "t3.open.person" not in chat.report.cells, reply


def test_one_count_beside_a_full_row_is_no_count_of_its_own() -> None:
    chat = _at_the_first_kind("1 2")
    reply = chat.send("3 0 0 0 0 0 另有一件不掌握")  # 不掌握 names no kind: the row is not read as 1
    assert "t3.open.person" not in chat.report.cells, reply


def test_a_count_said_of_another_kind_beside_the_asked_kinds_name_is_not_the_asked_kinds() -> None:
    chat = _at_the_first_kind("1 2")
    reply = chat.send("部分公开有一件，其余的是予以公开")  # the one count is 部分公开's: 予以公开 had been given it
    assert "t3.open.person" not in chat.report.cells and "t3.partial.person" not in chat.report.cells, reply
    assert "「部分公开」的件数将在后面单独询问，本次未记入。" in reply and "当前请填写「予以公开」的件数" in reply, reply


@pytest.mark.parametrize("said", ("予以公开3件，部分公开1件", "3件予以公开，1件部分公开", "予以公开 3 0 0 0 0 0，部分公开下一题"))
def test_the_asked_kind_is_read_from_its_own_clause(said: str) -> None:
    chat = _at_the_first_kind("1 2")
    reply = chat.send(said)
    assert chat.report.cells["t3.open.person"] == 3 and "t3.partial.person" not in chat.report.cells, reply
    assert "「部分公开」的件数请在下一题填写。" in reply, reply
