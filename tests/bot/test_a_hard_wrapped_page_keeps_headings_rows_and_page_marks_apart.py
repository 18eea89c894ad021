"""A page of a report as a PDF or flip-book text layer: prose hard-wrapped at the page width is joined back, but a
full-width heading is not glued to the table header under it ("行政复议 行政诉讼": words one space apart are cells,
never prose), nor the title to the page number under it ("P. 3"). The 2019 format's title of section 四 is section 四,
and a title behind a page label ("Page 3 - …") still names its unit."""

from __future__ import annotations

import pytest

from bot.formats import GOV2021
from bot.importers import import_bytes
from bot.importers.prose import heading_section

PROSE = [  # lines of the same width, no sentence ending at the line's end: a hard-wrapped paragraph
    "二〇二三年，我局认真贯彻落实政府信息公开条例，按照上级部署扎实推",
    "进政务公开工作，依法及时准确公开政府信息，主动回应社会关切，不断",
    "提升政府信息公开质量和实效，全年未发生因政府信息公开引起的行政复",
    "议和行政诉讼，也未收取任何信息处理费，各项工作均按要求顺利完成。",
]


def _page(heading: str, title: str = "Page 3 - 青山县水利局2023年政府信息公开工作年度报告") -> str:
    return "\n".join([
        title, "P. 3", "一、总体情况", *PROSE, heading, "行政复议 行政诉讼", "未经复议直接起诉 复议后起诉",
        "结果 结果 其他 尚未 总 结果 结果 其他 尚未 总 结果 结果 其他 尚未 总",
        "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计 维持 纠正 结果 审结 计",
        "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0", "五、存在的主要问题及改进情况", *PROSE,
    ])


@pytest.mark.parametrize("heading", [
    "四、政府信息公开行政复议、行政诉讼情况",
    "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
    "四、因政府信息公开工作被申请行政复议提起行政诉讼情况",
])
def test_table_four_under_its_heading_is_read(heading: str) -> None:
    report = import_bytes(_page(heading).encode("utf-8"), "page.txt").report
    assert report.cells["t4.review.upheld"] == 1 and report.cells["t4.review.total"] == 1
    assert report.cells["t4.suit_after_review.total"] == 0


def test_the_title_above_a_page_number_names_the_unit_behind_its_page_label() -> None:
    report = import_bytes(_page("四、政府信息公开行政复议、行政诉讼情况").encode("utf-8"), "page.txt").report
    assert (report.unit, report.unit_kind, report.year) == ("青山县水利局", "县级部门", 2023)


def test_the_hard_wrapped_prose_is_still_joined() -> None:
    report = import_bytes(_page("四、政府信息公开行政复议、行政诉讼情况").encode("utf-8"), "page.txt").report
    assert "扎实推进政务公开工作" in report.text["s1.summary"] + report.text.get("s1.active", "")


@pytest.mark.parametrize("title", ["因政府信息公开申请行政复议、提起行政诉讼情况", "因政府信息公开工作被申请行政复议提起行政诉讼情况"])
def test_the_2019_title_of_section_four_is_section_four_only_under_its_number(title: str) -> None:
    assert heading_section("四、" + title, GOV2021) == "四"
    assert heading_section("二、" + title, GOV2021) is None
