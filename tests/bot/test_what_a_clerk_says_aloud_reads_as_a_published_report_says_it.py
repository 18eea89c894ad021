"""What a careless clerk says aloud, read as an evaluator reads the published report: the thing named before what was
done to it (制度今年修订了), the whole duty in a shrug (该公开的都公开了), 约 before the verb (约发了200条), a
channel used without a count (公众号也发了一些), the carrier the unit "has" (我们有网站专栏), the topic said before the
answer (这块都是…的), a note of where (每个村都有) and problems said aloud (都是兼职的, 栏目有的是空的)."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph
from bot.drafting.wording import fact_items
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice

SAID = [
    ("制度今年修订了", "修订了制度"),
    ("信息发布审核制度修订了", "修订了信息发布审核制度"),
    ("栏目补上", "补齐栏目"),
    ("该公开的都公开了", "做到应公开尽公开"),
    ("网站约发了200条", "网站发布约200条"),
    ("公众号也发了一些", "通过公众号发布信息"),
    ("我们有网站专栏", "网站专栏"),
    ("我们这块都是先审后发的", "先审后发"),
    ("都是兼职的", "工作人员均为兼职"),
    ("栏目有的是空的", "部分栏目内容空缺"),
    ("群众知道的不多", "群众知晓度不高"),
    ("解读少", "解读较少"),
    ("多搞点解读", "增加解读"),
]


@pytest.mark.parametrize(("typed", "written"), SAID)
def test_a_note_said_aloud_reads_as_a_report_says_it(typed: str, written: str) -> None:
    assert fact_items(typed) == [written]


def test_where_a_carrier_is_found_stays_with_the_carrier() -> None:
    assert fact_items("我们有网站专栏 还有公开栏 每个村都有") == ["网站专栏", "公开栏覆盖各村"]


def test_a_careless_active_part_drafts_without_a_spoken_word() -> None:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    text = draft_paragraph("active", "嗯 那个 网站约发了200条吧，该公开的都公开了，公众号也发了一些", report,
                           voice("青山乡人民政府", "乡", 2025))
    assert "网站发布信息约200条" in text
    assert "应公开尽公开" in text
    for spoken in ("网站约", "该公开的", "也发布一些", "嗯", "那个", "吧"):
        assert spoken not in text, (spoken, text)


def test_the_management_part_names_what_was_revised_after_the_verb() -> None:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    text = draft_paragraph("management", "制度今年修订了，我们这块都是先审后发的", report,
                           voice("青山乡人民政府", "乡", 2025))
    assert "修订了制度" in text and "“先审查、后公开”" in text
    assert "这块" not in text and "今年修订" not in text


def test_a_list_begun_with_zhuyao_jiushi_keeps_its_items_together() -> None:
    assert fact_items("该公开的都公开了 主要就是低保 救助 还有征兵那些哈") == ["做到应公开尽公开", "主要是低保、救助、征兵等"]


def test_what_was_published_is_named_as_information_after_its_list() -> None:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    text = draft_paragraph("active", "网站发了200条，主要就是低保 救助 还有征兵那些", report,
                           voice("青山乡人民政府", "乡", 2025))
    assert "低保、救助、征兵等信息" in text and "征兵等。" not in text, text


def test_where_a_carrier_is_found_stays_with_it_when_the_dialog_joined_the_words() -> None:
    # the dialog tidies 我们有网站专栏 还有公开栏 每个村都有 into one note joined by 、
    assert fact_items("我们有网站专栏、还有公开栏、每个村都有") == ["网站专栏", "公开栏覆盖各村"]


def test_assessment_and_appraisal_said_bare_read_as_the_format_names_them() -> None:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    text = draft_paragraph("oversight", "培训搞了一次 考核有 评议没搞 没追责", report, voice("青山乡人民政府", "乡", 2025))
    assert "开展政务公开工作考核" in text and "未开展政务公开社会评议" in text, text
    assert "已开展考核" not in text and "未开展评议" not in text, text


@pytest.mark.parametrize(("typed", "items"), [
    ("公开栏每个社区都有 一个月换一次", ["公开栏覆盖各社区，每月更新"]),  # not a count 1个 of 月换
    ("保密审查这块我们也有做", ["已开展保密审查"]),
    ("公众号 网站 还有社区的公开栏", ["公众号、网站", "社区公开栏"]),
    ("更新及时点", ["及时更新"]),
    ("我们局修订了保密审查办法", ["修订了保密审查办法"]),
])
def test_more_of_what_is_said_aloud(typed: str, items: list[str]) -> None:
    assert fact_items(typed) == items


def test_how_often_said_aloud_never_becomes_a_channel_of_the_opening() -> None:
    report = with_derived(empty_report("东城街道办事处", "街道", 2025))
    facts = "公众号发了两百来条，网站的话差不多80条，公开栏每个社区都有 一个月换一次"
    opening = draft_paragraph("summary", "", report, voice("东城街道办事处", "街道", 2025), known={"active": facts})
    assert "通过微信公众号、网站主动公开政府信息" in opening and "月换" not in opening, opening


@pytest.mark.parametrize(("typed", "items"), [
    ("办了个政务公开日活动", ["举办了政务公开日活动"]),
    ("新开了公众号", ["新开通了公众号"]),
    ("网站改版了", ["完成了网站改版"]),
    ("栏目更新慢了点", ["栏目更新较慢"]),
    ("人少 信息更新不及时", ["工作人员较少", "信息更新不及时"]),  # 人少 is a note, not a pause
])
def test_events_platforms_and_degrees_said_aloud(typed: str, items: list[str]) -> None:
    assert fact_items(typed) == items


def test_a_shrug_before_the_problem_is_no_problem_of_its_own() -> None:
    report = with_derived(empty_report("柳河镇人民政府", "镇", 2025))
    text = draft_paragraph("problems", "没啥大问题，就是栏目更新慢了点", report, voice("柳河镇人民政府", "镇", 2025))
    assert "主要是栏目更新较慢。" in text and "问题；" not in text and "啥" not in text, text


def test_the_openings_list_of_work_has_no_zhuyao_shi() -> None:
    report = with_derived(empty_report("柳河镇人民政府", "镇", 2025))
    text = draft_paragraph("summary", "今年主要是网站改版了 新开了公众号", report, voice("柳河镇人民政府", "镇", 2025))
    assert "完成了网站改版，新开通了微信公众号" in text and "主要是" not in text, text
