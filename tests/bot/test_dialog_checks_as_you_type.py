"""Issue 9, checks as you type: R11 (stale year), R13 (another unit's name, a wrong self-word) and R9 (numbers
against the tables) run on each prose answer when it is given, and the corrected text is offered at once."""

from __future__ import annotations

from bot.dialog import DialogContext

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat


def at(code: str) -> Chat:
    chat = Chat(DialogContext(user_name="李四", unit="城关镇人民政府", unit_kind="镇", year=2025,
                              other_units=("柳园口乡", "城关镇")))
    chat.send("开始")
    chat.say_all("0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
    answers = iter(PROSE_ALL_DEFAULT)
    while f"【{code}】" not in chat.last.replies[0].text:
        chat.send(next(answers))
    return chat


def test_another_units_name_and_last_year_are_caught_when_typed_and_fixed_on_1():
    chat = at("1.2")
    text = chat.send("用我的原文：2024年，柳园口乡坚持以公开为常态，聚焦全乡重点工作，通过政府网站发布信息56条。")
    assert "经检查" in text and "柳园口乡" in text and "2024" in text, text
    assert "1.2" not in chat.state["answered"]
    chat.send("1")
    adopted = chat.report.text["s1.active"]
    assert "柳园口乡" not in adopted and "2024年" not in adopted and adopted.startswith("2025年")
    assert "我镇" in adopted or "城关镇" in adopted


def test_a_wrong_self_word_in_own_text_is_offered_corrected():
    chat = at("1.5")
    chat.send("用我的原文：我乡规范网站专栏8个子栏目，每月更新公开栏。")
    text = chat.last.replies[0].text
    assert "经检查" in text and "我镇规范网站专栏8个子栏目" in text
    chat.send("1")
    assert chat.report.text["s1.platform"] == "我镇规范网站专栏8个子栏目，每月更新公开栏。"


def test_a_number_that_disagrees_with_the_tables_is_caught_when_typed():
    chat = at("1.3")
    text = chat.send("本年度我镇共收到政府信息公开申请5件，均已按时答复。")
    assert "经检查" in text and "表三" in text and "1.3" not in chat.state["answered"]


def test_a_clean_own_text_is_adopted_at_once():
    chat = at("1.5")
    chat.send("用我的原文：我镇规范网站专栏8个子栏目，每月更新公开栏。")
    assert chat.report.text["s1.platform"] == "我镇规范网站专栏8个子栏目，每月更新公开栏。"
    assert "1.5" in chat.state["answered"]
