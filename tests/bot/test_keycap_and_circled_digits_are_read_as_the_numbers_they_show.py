"""A phone's emoji keyboard types 1️⃣ (the digit, a variation selector and an enclosing keycap) and its symbol page ①
to ⑳: a careful reader sees the numbers, and so does the bot — a row of keycaps is its digits, circled numbers at a
menu are its options."""

from bot.parse import parse_choices
from bot.spoken import without_decoration

from .dialog_helpers import Chat, township


def test_a_row_typed_in_keycaps_is_its_digits() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "1 0 3")
    chat.send("1️⃣2️⃣ 3️⃣ 0️⃣")
    assert [chat.report.cells[c] for c in ("t2.license", "t2.penalty", "t2.enforcement")] == [12, 3, 0]


def test_a_keycap_alone_leaves_its_digit() -> None:
    assert without_decoration("1️⃣") == "1"


def test_circled_numbers_at_a_menu_are_its_options_typed_together_or_apart() -> None:
    assert parse_choices("①⑬", 21) == [1, 13]
    assert parse_choices("①、⑬", 21) == [1, 13]
