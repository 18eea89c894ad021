"""Spoken phrasing a careless clerk typed inside a note (found in a QA round on the demo) reads as a report says it:
the topic said aloud (网站这块), the speaker (我们), 是…的 around how a thing is done, a name said with 叫, 主要就是;
a correction that ends on a particle (86条吧) still corrects; a draft taken with everyday words (好的 就这样吧) is
taken, not refused as chatter."""

from __future__ import annotations

import pytest

from bot.dialog.corrections import corrected
from bot.dialog.prose import adopts
from bot.drafting import draft_paragraph
from bot.drafting.wording import fact_items
from bot.report import empty_report, with_derived
from bot.rules import check_report
from tests.bot.draft_samples import voice

from .test_dialog_prose import at, reply

SAID = [
    ("网站这块我们是依托县政府网站的", "依托县政府网站公开政府信息"),  # as 网站用的区里的
    ("我们是通过公开栏公开的", "通过公开栏公开"),
    ("弄了个公众号叫青山发布", "开通了公众号“青山发布”"),
    ("专栏叫做“政务公开”", "专栏“政务公开”"),
    ("主要就是网站改版了", "完成了网站改版"),  # 主要是 before a deed only leads in (prose31: 更新了主要是…专栏)
    ("问题的话就是信息更新不够及时", "信息更新不够及时"),  # the label said aloud
    ("主要问题是更新慢", "更新慢"),
    ("明年的话打算搞个台账", "明年打算建立台账"),  # a plan: no 了
    ("主要是搞了网站改版", "完成了网站改版"),
    ("公众号的话120条左右吧", "公众号约120条"),
    ("保密审查这块我们都是先审后发的", "保密审查先审后发"),
    ("制度今年修订了一下", "修订了制度"),  # the thing after what was done to it
    ("电子屏也弄了几块", "电子屏设置了几块"),  # not 开展几块
    ("公众号也发布约50条", "公众号发布约50条"),  # as the clerk sees the notes listed, and as the draft prints them
    ("公众号也发了50条左右", "公众号发布约50条"),
    ("弄了宣传栏", "设置了宣传栏"),  # not 开展了宣传栏
    ("网站用的区里的", "依托区政府门户网站公开政府信息"),
    ("公众号叫东城发布", "运营公众号“东城发布”"),
    ("有一个是邮寄的", "有1件申请以信函方式提出"),
    ("其中2件是网上申请的", "有2件申请通过网络提出"),
    ("都按时答复了", "均在法定期限内予以答复"),
    ("嗯…问题嘛主要是人少", "工作人员较少"),
    ("信息公开不太及时", "信息公开不够及时"),
    ("解读也少", "解读较少"),
    ("下一步的话配个专人", "下一步配备专人"),
    ("多弄点图解", "增加图解"),
]
# notes typed on one line with spaces, as a phone message lists them: each activity said is a note of its own
LISTED = [
    ("培训两次 考核纳入了年度考核 评议没搞 追责无", ["培训2次", "纳入年度考核", "未开展评议", "未发生责任追究"]),
    ("考核纳入了年度考核、评议未开展、追责无", ["纳入年度考核", "未开展评议", "未发生责任追究"]),
]
KEPT = ["网站是县里统一建设的", "公众号是每周更新", "对外公开栏覆盖各村"]


@pytest.mark.parametrize(("typed", "formal"), SAID)
def test_spoken_phrasing_reads_as_a_report_says_it(typed: str, formal: str) -> None:
    assert fact_items(typed) == [formal]


@pytest.mark.parametrize("typed", KEPT)
def test_what_only_looks_spoken_is_kept(typed: str) -> None:
    assert fact_items(typed) == [typed]


def test_a_correction_ending_on_a_particle_still_corrects() -> None:
    assert corrected("公众号发了80条，哦不，86条吧") == "公众号发了86条"


@pytest.mark.parametrize("typed", ["好的 就这样吧", "嗯 可以", "行 用这个", "采用吧", "没毛病", "好嘞", "行吧就这样", "好吧就用这个"])
def test_a_draft_taken_in_everyday_words_is_taken(typed: str) -> None:
    assert adopts(typed)
    chat = at("1.4")
    chat.send("落实一事一审")
    chat.send(typed)
    assert "已采用" in reply(chat) and "未记入" not in reply(chat), reply(chat)
    assert "一事一审" in chat.report.text["s1.management"]


@pytest.mark.parametrize("typed", ["好的，但是要加上网站", "可以，再加一条培训2次", "不行"])
def test_a_reply_that_says_more_than_yes_is_not_taken_as_is(typed: str) -> None:
    assert not adopts(typed)


def test_a_colleague_named_at_a_problem_is_left_out() -> None:
    assert fact_items("人手不够，小王一个人弄") == ["工作人员不足"]


@pytest.mark.parametrize("typed", ["没有别的要说的了", "其他没有了", "就这些", "没啥要说的", "其他事项都没有了"])
def test_nothing_more_to_say_is_no_note(typed: str) -> None:
    assert fact_items(typed) == []


def test_nothing_more_to_say_after_a_note_is_not_published_nor_refused() -> None:
    chat = at("6.1")
    chat.send("费用没收，哦还有就是我们这边今年没有别的要说的了")
    assert "未记入" not in reply(chat), reply(chat)
    chat.send("1")
    text = chat.report.text["s6.other"]
    assert "要说" not in text and "暂无别的" not in text and "无其他需要报告的事项" in text, text


def test_nothing_more_to_say_at_a_facts_question_is_nothing() -> None:
    chat = at("1.5")
    chat.send("嗯 没啥要说的")
    assert "草拟如下" not in reply(chat) or "已按常见表述写入" in reply(chat), reply(chat)
    assert "要说" not in (chat.report.text.get("s1.platform") or "")


def test_a_plan_said_as_a_few_more_times_reads_as_more_often() -> None:
    assert fact_items("再就是多搞几次培训") == ["增加培训频次"]


@pytest.mark.parametrize(("typed", "notes"), LISTED)
def test_activities_listed_on_one_line_are_notes_of_their_own(typed: str, notes: list[str]) -> None:
    assert fact_items(typed) == notes


def test_a_plan_said_aloud_is_drafted_without_a_spoken_word() -> None:
    chat = at("5.1")
    chat.send("嗯…问题嘛主要是人少，信息公开不太及时，解读也少。改进：下一步的话配个专人，多弄点图解")
    chat.send("好")
    chat.send("好")
    published = chat.report.text["s5.problems"] + chat.report.text["s5.improvements"]
    assert "配备专人" in published and "增加图解" in published, published
    assert not any(w in published for w in ("嘛", "弄", "配个", "问题嘛", "也少", "不太")), published


def test_how_some_applications_came_in_is_no_claim_about_all_of_them() -> None:
    """有一个是邮寄的 is drafted so that R9 does not read it as the number of applications received."""
    report = empty_report("城关镇人民政府", "镇", 2025)
    report.cells["t3.new.person"] = 4
    report = with_derived(report)
    report.text["s1.on_request"] = draft_paragraph("on_request", "有一个是邮寄的；都按时答复了", report,
                                                   voice("城关镇人民政府", "镇", 2025))
    assert "有1件申请以信函方式提出" in report.text["s1.on_request"]
    assert not [f for f in check_report(report) if f.rule in ("R9", "R17")]
