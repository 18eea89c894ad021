"""A long careless message (fifteen notes typed as spoken, found in a QA round) is drafted into every part without
its spoken words (嗯、我们、咱、那个、嘛、啥、搞、弄、挺、这块、的话、哈、一回、来条、有时候、好几个); and a part given
more problems than the ordinals 一 to 十 drafts them all instead of failing."""

from __future__ import annotations

import re

import pytest

from bot.drafting import draft_paragraph
from bot.drafting.wording import fact_items
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice

NOTES = ["嗯 我们今年网站弄了80多条吧", "公众号咱们也有，发了一百来条", "那个公开栏嘛每月都换", "啥的都公开了",
         "反正该公开的都公开了", "培训就搞了一回", "考核这块领导挺重视的", "评议嘛也搞了，群众挺满意", "没啥问题",
         "信息审核这块挺严的", "制度的话有好几个", "我们这边专门有个人管这个", "网站有时候更新不及时哈",
         "下一步争取做得更好", "好好学习条例"]
SPOKEN = re.compile(r"嗯|我们|咱|那个|嘛|啥|反正|搞|弄|挺|这块|的话|哈|一回|来条|有时候|好几个|个人管")
SAID = [
    ("网站弄了80多条吧", "网站发布80余条"),
    ("发了一百来条", "发布100余条"),
    ("培训就搞了一回", "开展培训1次"),
    ("评议嘛也搞了", "已开展评议"),
    ("没啥问题", "暂无问题"),
    ("信息审核这块挺严的", "信息审核严格"),
    ("制度的话有好几个", "制度有多个"),
    ("我们这边专门有个人管这个", "明确专人负责"),
    ("网站有时候更新不及时哈", "网站有时更新不及时"),
    ("好好学习条例", "认真学习条例"),
]


@pytest.mark.parametrize(("typed", "formal"), SAID)
def test_a_spoken_note_reads_as_a_report_says_it(typed: str, formal: str) -> None:
    assert fact_items(typed) == [formal]


@pytest.mark.parametrize("part", ["summary", "active", "management", "platform", "oversight", "problems",
                                  "improvements"])
def test_no_part_drafted_from_the_message_prints_a_spoken_word(part: str) -> None:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    paragraph = draft_paragraph(part, "；".join(NOTES), report, voice("青山乡人民政府", "乡", 2025))
    assert paragraph and not SPOKEN.search(paragraph), (SPOKEN.findall(paragraph), paragraph)


def test_more_problems_than_ordinals_are_all_drafted() -> None:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    problems = [f"问题事项第{n}项不足" for n in range(1, 13)]
    paragraph = draft_paragraph("problems", problems, report, voice("青山乡人民政府", "乡", 2025))
    assert all(p in paragraph for p in problems), paragraph
