"""A clerk's own paragraph checked as it is given: where the corrections mend only some findings (a count is put
right, but 没有复议诉讼 still stands against table 四), the reply says which are left to mend. "已按上述问题改正" over a
text still at odds with the tables had been taken at its word with 1."""

from __future__ import annotations

from .test_dialog_prose import at, reply


def test_a_finding_the_correction_could_not_mend_is_named_as_left() -> None:
    chat = at("1.3", kind="乡")
    chat.report.cells["t4.review.upheld"] = 1
    chat.send("用我的原文：全年我乡收到申请6件，全部予以公开，没有复议诉讼。")
    text = reply(chat)
    assert "已按上述问题改正" not in text, text
    assert "已改正其中1项，以下问题仍需您修改后再采用" in text, text
    left = text.split("仍需您修改后再采用：")[1].split("改正后的文字如下")[0]
    assert "没有复议诉讼" in left and "申请6件" not in left, left


def test_a_text_wholly_corrected_is_said_to_be_corrected() -> None:
    chat = at("1.3", kind="乡")
    chat.send("用我的原文：全年我乡收到申请6件，全部予以公开。")
    assert "已按上述问题改正，请核对" in reply(chat), reply(chat)
