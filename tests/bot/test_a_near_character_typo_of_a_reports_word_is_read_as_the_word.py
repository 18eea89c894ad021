"""A phone's pinyin input gives 依身请 for 依申请 and 达复 for 答复: no word of their own, read by a careful reader as the
word meant. So does the bot, before anything reads the reply — the note drafted into the report carries the word
itself, never the typo."""

from bot.mistyped import MISTYPED, meant

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

AT_MANAGEMENT = ("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", *PROSE_ALL_DEFAULT[:5])


def test_a_note_typed_with_near_characters_is_drafted_with_the_words_meant() -> None:
    chat = Chat(township())
    chat.say_all(*AT_MANAGEMENT)
    assert chat.state["cur"][0] == "1.4"
    reply = chat.send("依身请公开的都按时达复了")
    assert "依申请公开" in reply and "答复" in reply
    assert "依身请" not in reply and "达复" not in reply


def test_every_mistyped_word_is_no_word_of_the_one_it_stands_for() -> None:
    for typo, word in MISTYPED.items():
        assert typo != word and meant(typo) == word and meant(word) == word
