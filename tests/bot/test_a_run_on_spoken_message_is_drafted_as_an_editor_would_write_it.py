"""What a clerk said aloud in a QA round, printed as typed: a run of speech joined by 还有 (…三百多条吧还有公众号…), 大概
before 三百多条, 左右 after a count said in words, 都是按时答复的没超期, an applicant called 他, 跟去年一样, a screen said to
be at the gate (镇政府门口有电子屏), a bare 网站改版. A careful editor splits the run at 还有, writes 300余条 and 约150条,
申请人, 在镇政府门口设置电子屏, 对网站进行改版, and leaves 跟去年一样 out, telling the clerk so; no fact is invented."""

from __future__ import annotations

import re

import pytest

from bot.dialog import DialogContext
from bot.drafting.wording import fact_items

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat
from .test_dialog_prose import at, reply

SPOKEN = re.compile(r"嗯|那个|我们|大概|多条|吧|还有|左右|这些|都是|没超期|有个|他|跟去年|一样|门口有|改版[，。]")
RUN_ON = "嗯那个我们今年网站发了大概三百多条吧还有公众号也发了一百五十条左右 主要是惠农补贴 乡村振兴 养老医疗这些 对了还有公开栏更新了12期"

SAID = [
    ("嗯那个我们今年网站发了大概三百多条吧还有公众号也发了一百五十条左右", ["网站发布300余条", "公众号发布约150条"]),
    ("网站八十多条左右", ["网站80余条"]),
    ("公众号发了八十条左右吧 另外视频号发了二十几条", ["公众号发布约80条", "视频号发布20余条"]),
    ("公众号推送了大概九十多篇吧还有网站三十多条", ["公众号推送90余篇", "网站30余条"]),
    ("网站发了几十条", ["网站发布数十条"]),
    ("主要是惠农补贴 乡村振兴 养老医疗这些", ["主要是惠农补贴、乡村振兴、养老医疗等"]),
    ("都是按时答复的没超期", ["均在法定期限内予以答复"]),
    ("有个是问征地补偿标准的告知他去找县自然资源局了", ["有1件申请涉及征地补偿标准，已告知申请人向县自然资源局咨询"]),
    ("都按时回复了 没有超期的", ["均在法定期限内予以答复"]),
    ("有一个是要低保名单的 给他公开了", ["有1件申请涉及低保名单", "已向申请人公开"]),
    ("村里的公开栏都有 便民服务中心大厅有电子屏", ["公开栏覆盖各村", "在便民服务中心大厅设置电子屏"]),
    ("跟去年一样吧 先审后发 三审制", ["先审后发", "三审制"]),
    ("公众号 视频号 政务公开栏每个村都有 镇政府门口有电子屏", ["公众号", "视频号", "政务公开栏覆盖各村", "在镇政府门口设置电子屏"]),
    ("网站改版", ["对网站进行改版"]),
    ("人手不够 就我一个人兼着搞 有时候更新慢", ["工作人员不足", "仅有1名兼职工作人员", "信息更新有时不够及时"]),
]


@pytest.mark.parametrize(("typed", "written"), SAID)
def test_a_spoken_note_becomes_the_editors_items(typed: str, written: list[str]) -> None:
    assert fact_items(typed) == written


def test_a_run_on_is_split_at_its_connective_after_a_count_and_nowhere_else() -> None:
    assert fact_items("网站56条还有公众号120条") == ["网站56条", "公众号120条"]
    assert fact_items("信息公开还有待加强") == ["信息公开还有待加强"]


def test_the_run_on_message_at_active_disclosure_reaches_neither_part_of_one_as_typed() -> None:
    chat = at("1.2", "镇")
    chat.send(RUN_ON)
    offered = reply(chat).split("回复1采用")[0]
    assert "通过网站发布信息300余条，通过微信公众号发布信息约150条" in offered, offered
    assert "惠农补贴、乡村振兴、养老医疗等信息" in offered and "公开栏更新12期" in offered, offered
    assert not SPOKEN.search(offered.replace("我镇", "")), SPOKEN.findall(offered)
    chat.send("1")
    for slot in ("s1.summary", "s1.active"):  # 1.1's opening is updated from 1.2's notes
        assert not SPOKEN.search(chat.report.text[slot]), (slot, chat.report.text[slot])


def _at_1_3_with_one_application() -> Chat:
    """1.3 with one application answered (with none, no sentence on how they were answered is drafted: prose31)."""
    chat = Chat(DialogContext(user_name="李四", unit="城关镇人民政府", unit_kind="镇", year=2025))
    chat.send("开始")
    chat.say_all("0 0 0", "0 0 0", "0 0 0", "0", "是", "1 0 0 0 0 0", "无", "1", "1 0 0 0 0 0", "0", "否")
    answers = iter(PROSE_ALL_DEFAULT)
    while "【1.3】" not in chat.last.replies[0].text:
        chat.send(next(answers))
    return chat


def test_an_applicant_sent_elsewhere_is_written_as_the_applicant() -> None:
    chat = _at_1_3_with_one_application()
    chat.send("都是按时答复的没超期，有个是问征地补偿标准的告知他去找县自然资源局了")
    chat.send("1")
    paragraph = chat.report.text["s1.on_request"]
    assert "上述申请均在法定期限内予以答复，其中1件申请涉及征地补偿标准，已告知申请人向县自然资源局咨询" in paragraph, paragraph
    assert "征地补偿标准" in paragraph and not SPOKEN.search(paragraph.replace("我镇", "")), paragraph


def test_same_as_last_year_is_left_out_and_the_clerk_is_told() -> None:
    chat = at("1.4", "镇")
    chat.send("跟去年一样吧 先审后发 三审制")
    told = "\n".join(r.text for r in chat.last.replies)
    assert "「跟去年一样吧」" in told and "未记入" in told, told
    chat.send("1")
    paragraph = chat.report.text["s1.management"]
    assert "先审后发" in paragraph and "落实" in paragraph and "三审制" in paragraph, paragraph
    assert "去年" not in paragraph and "一样" not in paragraph, paragraph
    chat.send("网站56条 没有别的了")  # nothing more to say: said, and nothing to tell the clerk
    assert "未记入" not in "\n".join(r.text for r in chat.last.replies)


def test_a_screen_at_the_gate_is_set_up_and_the_accounts_carry_the_information() -> None:
    chat = at("1.5", "镇")
    chat.send("公众号 视频号 政务公开栏每个村都有 镇政府门口有电子屏")
    chat.send("1")
    paragraph = chat.report.text["s1.platform"]
    assert "在镇政府门口设置电子屏" in paragraph and "依托微信公众号、视频号" in paragraph, paragraph
    assert "政务公开栏覆盖各村" in paragraph and "门口有" not in paragraph, paragraph


def test_a_bare_site_redesign_is_a_clause_of_doing() -> None:
    chat = at("1.5", "镇")
    chat.send("网站改版")
    chat.send("1")
    paragraph = chat.report.text["s1.platform"]
    assert "对网站进行改版" in paragraph and "，网站改版" not in paragraph, paragraph
