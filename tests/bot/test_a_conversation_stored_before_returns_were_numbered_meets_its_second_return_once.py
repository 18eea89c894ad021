"""A conversation stored before a return was told from an earlier one of the same reason by its number
(`DialogContext.return_mark`, review M4) holds the bare reason where it met the return, mended after it or accepted
a warning after it. Deployed while its report is in its second return of that reason, its next message had been
greeted with the return again (the mark is now 「reason#2」) and the warnings it had accepted after the return were
reopened. The bare reason equal to the current return's is now that return's mark."""

from __future__ import annotations

from dataclasses import replace

from .dialog_helpers import Chat, township
from .test_a_township_handing_in_without_its_oversight_results_is_asked_to_state_or_confirm_them import (
    _filled,
)

REASON = "监督保障请写明考核结果"


def _met_the_return_and_accepted_again() -> Chat:
    """Handed in with a warning accepted, returned for it, the return met and the warning accepted again after it:
    the state as the code before stored it, whose marks were the bare reason."""
    chat = Chat(township())
    _filled(chat, "培训 2 次")
    chat.send("确认提交 已向县政务公开办核实")
    chat.with_status("returned", REASON)
    chat.ctx = replace(chat.ctx, times_returned=1)
    assert "已被审核人员退回" in chat.send("继续")
    chat.send("提交")
    chat.send("确认提交 已与县政务公开办核实，考核由县统一组织")
    assert chat.state["returned_seen"] == REASON
    assert {e.get("after") for e in chat.state["warnings"].values()} == {REASON}
    return chat


def test_a_state_stored_with_bare_marks_is_not_greeted_again_in_its_second_return() -> None:
    chat = _met_the_return_and_accepted_again()
    chat.state.pop("marks_numbered", None)  # stored before marks had numbers
    chat.with_status("returned", REASON)
    chat.ctx = replace(chat.ctx, times_returned=2)
    reply = chat.send("进度")
    assert "已被审核人员" not in reply and not chat.last.events, reply
    assert chat.state["returned_seen"] == f"{REASON}#2" and chat.state["marks_numbered"] is True
    assert all(e["accepted"] for e in chat.state["warnings"].values()), chat.state["warnings"]


def test_a_state_with_numbered_marks_meets_a_second_return_of_the_same_reason_again() -> None:
    """The mark the code writes now: a bare reason is the first return's, and the second is met as a return again."""
    chat = _met_the_return_and_accepted_again()
    chat.with_status("returned", REASON)
    chat.ctx = replace(chat.ctx, times_returned=2)
    reply = chat.send("进度")
    assert "再次退回" in reply, reply
