"""A paragraph taken as drafted and drafted again because an answer it draws on changed is told to the clerk with what
it now says (QA30 finding 10: 「已按您刚提供的情况同步更新【1.1】总体情况（开头），无需另行修改。」 after almost every
answer, naming no change); a redraft whose words the clerk would not see change is not told at all."""

from __future__ import annotations

from bot.dialog.prose import words_changed

from .test_dialog_prose import at, reply


def test_the_opening_updated_by_the_channels_says_the_channels_it_now_names() -> None:
    chat = at("1.2", kind="镇")
    chat.send("网站发了一百二十三条 公众号发了大概两百多条 公开栏十二期")
    told = reply(chat).split("【1.2】")[0]
    assert "同步更新【1.1】总体情况（开头），现写为“通过网站、微信公众号、公开栏主动公开政府信息”" in told, told
    assert "按您刚提供的情况" not in told


def test_a_count_corrected_at_the_tables_is_told_with_the_figure_now_stated() -> None:
    chat = at("1.2", kind="镇")
    chat.say_all("网站56条", "1")
    chat.say_all("修改 2.3", "3 6 0")
    told = "\n".join(r.text for result in chat.results[-2:] for r in result.replies)
    assert "同步更新【1.2】主动公开，现写为“" in told, told
    assert "行政处罚决定6件" in told.split("同步更新【1.2】")[1].split("”")[0], told


def test_words_changed_names_the_new_clauses_first_and_the_rest_elided() -> None:
    before = "全年，我镇共收到政府信息公开申请1件。已办结1件。"
    after = "全年，我镇共收到政府信息公开申请2件，其中自然人申请2件。已办结2件，其中予以公开2件。"
    assert words_changed(before, after) == ("我镇共收到政府信息公开申请2件，其中自然人申请2件…", "")


def test_words_that_only_went_are_named_as_no_longer_said() -> None:
    assert words_changed("通过网站、公开栏主动公开政府信息，开展政策解读。", "通过网站、公开栏主动公开政府信息。") == (
        "", "开展政策解读")


def test_the_same_words_redrafted_are_no_change() -> None:
    assert words_changed("开展政策解读，更新公开栏。", "更新公开栏，开展政策解读。") == ("", "")
