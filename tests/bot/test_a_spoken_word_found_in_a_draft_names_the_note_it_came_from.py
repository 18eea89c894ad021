"""A spoken word found in the draft on offer points the clerk at the note that holds it (改 4 / 删除 4), not at the
first note sharing two characters with the sentence quoted around it: 纳入考核 was named for the 县里 of
「年底县里考核政务公开得了优秀」, and 删除 2 would have removed a good note. (That note is drafted in written words
now, 在县年度考核中…获评优秀; a 县里 the drafting leaves, 年底县里通报表扬…, stands for it here.)"""

from __future__ import annotations

from .test_dialog_prose import at, reply


def test_the_spoken_word_names_the_note_that_says_it() -> None:
    chat = at("1.6", kind="镇")
    chat.send("开展培训2次 纳入考核 未发生责任追究 年底县里通报表扬政务公开工作 未开展社会评议")
    text = reply(chat)
    [found] = [line for line in text.splitlines() if "“县里”" in line]
    assert found.endswith("（可回复“改 4 新内容”或“删除 4”）"), found
