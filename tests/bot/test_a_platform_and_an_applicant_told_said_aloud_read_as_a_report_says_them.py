"""Two sentences of the QA31 demo run that read as spoken: 1.5's 「网站专栏调了，子栏目改成9个，公众号有，视频号没有」 and
1.3's 「其中1件申请涉及拆迁补偿。另外，我镇已告知申请人向县住建局咨询。」 (the applicant told, drafted as a remark of
its own when the clerk parted the notes by spaces)."""

from __future__ import annotations

from bot.drafting.wording import fact_items

from .test_a_run_on_spoken_message_is_drafted_as_an_editor_would_write_it import _at_1_3_with_one_application


def test_a_platform_said_aloud_reads_as_what_was_done_to_it():
    assert fact_items("网站专栏调了一下，子栏目改成八个，公众号有，视频号没有") == \
        ["调整网站专栏", "子栏目调整为8个", "运营公众号", "暂未开通视频号"]


def test_what_an_applicant_was_told_follows_their_application_in_one_sentence():
    chat = _at_1_3_with_one_application()
    chat.send("都按时答复了 有一个是问拆迁补偿的 告知他去找县住建局了")
    chat.send("1")
    text = chat.report.text["s1.on_request"]
    assert "其中1件申请涉及拆迁补偿，已告知申请人向县住建局咨询。" in text and "另外" not in text, text


def test_an_account_not_opened_is_said_so_never_drafted_as_a_platform_relied_on():
    from tests.bot.dialog_helpers import Chat, township
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "210 12 0", "0", "否", "否", "1", "网站发布120条", "1", "1",
                 "落实一事一审", "1")
    assert chat.state["cur"] == ["1.5", 0], chat.state["cur"]
    chat.send("网站专栏调了一下，子栏目改成八个，公众号有，视频号没有")
    chat.send("1")
    text = chat.report.text["s1.platform"]
    assert "暂未开通视频号，" in text and "依托暂未" not in text and "调了" not in text, text
