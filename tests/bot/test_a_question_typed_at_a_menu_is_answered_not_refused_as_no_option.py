"""什么意思 or a question typed at a menu (3.4's 21 result kinds) is answered — the option it asks about by its
explanation's words, with its number, else how to choose — and the menu stands; it got 「…」不是选项编号."""

from __future__ import annotations

from tests.bot.dialog_helpers import Chat, township


def at_the_result_kinds() -> Chat:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "2 0 0 0 0 0", "无")
    assert chat.state["cur"][0] == "3.4"
    return chat


def test_what_it_means_at_a_menu_says_how_to_choose() -> None:
    chat = at_the_result_kinds()
    said = chat.send("什么意思")
    assert "不是选项编号" not in said and "选出本年实际发生的各项" in said, said
    assert chat.state["cur"][0] == "3.4" and "3.4" not in chat.state["answered"]


def test_an_option_asked_about_by_its_words_is_named_with_its_number() -> None:
    chat = at_the_result_kinds()
    said = chat.send("撤回申请选哪个")
    assert said.startswith("「其他处理·其他」（第 21 项）指申请人撤回申请等其他情形。"), said
    chat.send("21")
    assert chat.state["choices"]["3.4"] == ["other_3"]


def test_the_answer_is_not_buried_under_the_whole_menu_again() -> None:
    """The answer says 「继续」 shows the options again: the 21 options pushed after each question hid it on a phone."""
    chat = at_the_result_kinds()
    chat.send("什么意思")
    assert not any("21. 其他处理" in r.text for r in chat.last.replies), [r.text for r in chat.last.replies]
    chat.send("继续")
    assert any("21. 其他处理" in r.text for r in chat.last.replies)


def test_an_option_asked_about_by_its_number_is_explained() -> None:
    chat = at_the_result_kinds()
    assert chat.send("11什么意思").startswith("「无法提供·本机关不掌握」（第 11 项）指不是本机关的信息")


def test_an_option_of_the_reviews_menu_asked_about_by_its_number_is_explained() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "是")
    assert chat.state["cur"][0] == "4.2"
    assert chat.send("2什么意思").startswith("「未经复议直接起诉」（第 2 项）指申请人未经行政复议")


def test_an_option_asked_about_by_its_item_number_away_from_the_menu_is_named_there() -> None:
    """第11项 at 3.5 can only be the menu's numbering; a bare 2 there may be a count, and stays the question's own."""
    chat = at_the_result_kinds()
    chat.send("1")
    assert chat.send("第11项是什么意思").startswith("「无法提供·本机关不掌握」（【3.4】第 11 项）指不是本机关的信息")
    assert chat.send("2什么意思").startswith("「予以公开」指"), chat.last.replies[0].text
