"""今年 said inside a note before what was (not) done is the report's year, 本年度 (a report written in January about
the year before reads 今年 as the wrong year), and a result said with 是 is stated with 为: 社会评议今年没搞，考核结果是良好
→ 社会评议本年度未开展，考核结果为良好 (QA round 29, in an approved report). A date (今年3月) is not made 本年度3月."""

from __future__ import annotations

from .test_dialog_facts_list import at, draft_part


def test_this_year_inside_a_note_is_the_reports_year_and_a_result_is_stated_with_wei() -> None:
    draft = draft_part(at("1.6", "镇").send("社会评议今年没搞，考核结果是良好"))
    # (社会评议本年度未开展 is then named as 监督保障 names a check not held: 未开展政务公开社会评议)
    assert "未开展政务公开社会评议" in draft and "考核结果为良好" in draft, draft
    assert "今年" not in draft and "是良好" not in draft, draft


def test_a_month_of_this_year_is_not_made_the_reports_year() -> None:
    draft = draft_part(at("1.6", "镇").send("培训今年3月开展了一次"))
    assert "本年度3月" not in draft, draft
