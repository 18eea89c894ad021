"""What a clerk adds on a phone around their notes (laughter, emoji, what the leader said, a colleague's or an
applicant's name, a phone number, a complaint) is left out of the notes and of every paragraph drafted from them;
the facts next to it stay, numbers included."""

from __future__ import annotations

import re

import pytest

from bot.dialog.prose import _fee_reply
from bot.drafting import draft_paragraph
from bot.drafting.wording import fact_items
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice

# what QA clerks typed, and the notes a report may use
TYPED = [
    ("网站 ５６条  公众号120条 哈哈 具体的问小王", ["网站56条", "公众号120条"]),
    ("保密审查都做了，领导说先这么写，制度还没弄呢呵呵", ["已开展保密审查", "制度还未开展"]),
    ("有公众号 还有公开栏 😂 这个月忙死了", ["公众号", "公开栏"]),
    ("网站发布120条，领导很满意，小李负责的", ["网站发布120条"]),
    ("在网站上发，哈哈、先这样吧、有问题打我电话138、1234、5678", ["在网站上发"]),
    ("有个老王问学校收费的事 已经答复了 他电话13512345678", ["已经答复了"]),
    ("人手不够，下一步增加专人，有事找我13900001111", ["工作人员不足", "下一步增加专人"]),
    # spoken asides around figures and lists: a particle mid-note, a topic 的话, a guess, a trailing 那些
    ("网站发了80多条吧 公众号的话大概两百条 主要是低保 救助 还有征兵那些",
     ["网站发布80余条", "公众号约200条", "主要是低保、救助、征兵等"]),
    ("公开栏的话差不多更新了12期呢，重点是 医保 养老 之类", ["公开栏更新了约12期", "重点为医保、养老等"]),
    # the same, as the dialog keeps it (spaces already read as 、 and ，)
    ("网站发了80多条吧、公众号的话大概两百条，主要是低保、救助、还有征兵那些",
     ["网站发布80余条", "公众号约200条", "主要是低保、救助、征兵等"]),
    ("就是按规定走的 没出过问题", ["按规定办理", "未出现问题"]),
    ("公开栏每个社区都有 还有电子屏", ["公开栏覆盖各社区", "电子屏"]),
    ("每个村都有公开栏", ["公开栏覆盖各村"]),
    ("培训2次 没追责", ["培训2次", "未发生责任追究"]),
]
# words that look like chatter and are not: a mini program, an old method, a residential area, satisfaction, a
# number with repeated digits, a hotline, a leader's approval as a step of the review
KEPT = ["开发了微信小程序", "老方法不适用了", "小区公告栏覆盖各村", "群众满意度98%", "公开栏 3个", "发布信息2223条",
        "开通政务公开咨询电话", "经主要领导同意后发布", "按照上级领导要求开展自查"]
STRAY = re.compile(r"哈|呵|小王|小李|老王|领导|电话|\d{7,}|找我|忙死|先这|😂")


@pytest.mark.parametrize(("typed", "notes"), TYPED)
def test_the_chatter_is_left_out_of_the_notes(typed: str, notes: list[str]) -> None:
    assert fact_items(typed) == notes


@pytest.mark.parametrize("typed", KEPT)
def test_words_that_only_look_like_chatter_are_kept(typed: str) -> None:
    assert fact_items(typed) == [typed.replace(" ", "")]


@pytest.mark.parametrize("part", ["active", "management", "platform", "oversight", "problems"])
def test_no_drafted_paragraph_prints_the_chatter(part: str) -> None:
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    notes = "；".join(typed for typed, _ in TYPED)
    paragraph = draft_paragraph(part, notes, report, voice("城关镇人民政府", "镇", 2025))
    assert paragraph and not STRAY.search(paragraph), paragraph


def test_a_fee_said_in_kuai_is_read_as_yuan() -> None:
    assert _fee_reply("收了200块钱", "prose") == "200"
    assert _fee_reply("200块", "prose") == "200"


def test_the_opening_paragraph_uses_the_notes_given_for_it() -> None:
    """1.1's notes were asked for and thanked for, then left out of the paragraph drafted from them."""
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    paragraph = draft_paragraph("summary", "今年主要是网站改版了；完成政务公开专区建设 哈哈；2025年", report,
                                voice("城关镇人民政府", "镇", 2025))
    # the notes, in report wording (主要是 would read as the reason for the clause before it; 改版了 is said aloud)
    assert "完成了网站改版，完成政务公开专区建设，" in paragraph and "哈" not in paragraph, paragraph
    assert "2025年，" not in paragraph.split("。", 1)[1], paragraph  # a bare year is no note
