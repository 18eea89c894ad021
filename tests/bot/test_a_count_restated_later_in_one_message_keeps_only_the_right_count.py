"""A clerk who says a count, goes on, then says 等一下，子栏目是九个不是八个 has corrected the first count: only the
right count is kept, and neither the wrong one nor 等一下 reaches the draft (QA30: 「子栏目改成8个，…，等了，子栏目是9个
不是8个」)."""

from __future__ import annotations

from bot.dialog.corrections import corrected
from tests.bot.dialog_helpers import Chat, township

AT_1_5 = ("你好", "0 0 0", "0 0 0", "210 12 0", "0", "否", "否", "1", "网站发布120条", "1", "1",
          "落实一事一审", "1")


def test_the_right_count_said_later_takes_the_wrong_ones_place_in_its_clause():
    assert corrected("子栏目改成八个，公众号有，视频号没有。等一下，子栏目是九个不是八个") == \
        "子栏目改成九个，公众号有，视频号没有"
    assert corrected("网站发布30条，等一下，网站是32条不是30条，公众号有") == "网站发布32条，公众号有"


def test_a_restating_that_no_clause_before_holds_is_left_alone():
    assert corrected("培训是3次不是4次") == "培训是3次不是4次"


def test_a_count_restated_at_a_prose_part_drafts_only_the_right_count():
    chat = Chat(township())
    chat.say_all(*AT_1_5)
    assert chat.state["cur"] == ["1.5", 0], chat.state["cur"]
    chat.send("网站专栏调了一下，子栏目改成八个，公众号有，视频号没有。等一下，子栏目是九个不是八个")
    notes = "".join(chat.state["facts"]["1.5"])
    assert "9个" in notes and "8" not in notes and "等" not in notes, notes
