"""R9 reads every count the prose states about tables 三 and 四, each kind made to pass and made to fail."""

from __future__ import annotations

import pytest

from bot.drafting import draft_appeals, draft_on_request
from bot.findings import errors
from bot.report import Report, empty_report, with_derived
from bot.rules import check_report
from bot.rules.textscan import quote
from tests.bot.test_drafting import busy, unit_for_variant
from tests.bot.test_rules import seed_report


def street(**cells: int) -> Report:
    """QA item 1: 东城街道 with 新收 4 (3 自然人, 1 其他), 上年结转 0, 予以公开 4."""
    report = empty_report("东城街道办事处", "街道", 2025)
    report.cells.update({"t3.new.person": 3, "t3.new.other": 1, "t3.open.person": 3, "t3.open.other": 1})
    report.cells.update({k.replace("__", "."): v for k, v in cells.items()})
    return with_derived(report)


def r9(report: Report, text: str, slot: str = "s1.on_request") -> list[str]:
    out = report.copy()
    out.text[slot] = text
    return [f.message for f in check_report(out) if f.rule == "R9"]


def test_qa_item_1_the_result_kinds_are_compared_with_table_three() -> None:
    text = "2025年，我街道共收到政府信息公开申请4件，已依法答复3件：部分公开1件、不予公开（危及三安全一稳定）2件。"
    found = r9(street(), text)
    assert len(found) == 3, found
    assert any("“依法答复3件”，但" in m and "办理结果总计" in m and "为 4" in m for m in found)
    assert any("“部分公开1件”，但" in m and "为 0" in m for m in found)
    assert any("2件”，但" in m and "危及" in m and "为 0" in m for m in found)
    assert not any("即" in m for m in found)  # QA3 item 15: the quote shows the number, “即 3 件” would repeat it


def test_qa_item_1_received_counts_only_new_unless_the_sentence_says_carried() -> None:
    report = street(t3__carried_in__person=1, t3__open__person=4)  # 新收 4, 上年结转 1, 予以公开 5
    assert r9(report, "本年共收到申请5件。")
    assert r9(report, "本年共收到申请4件。") == []
    assert r9(report, "本年共收到申请5件（含上年结转1件）。") == []
    assert r9(report, "本年新收申请5件，上年结转1件。")  # 新收 is 新收


@pytest.mark.parametrize(("good", "bad"), [
    ("予以公开4件", "予以公开3件"),
    ("其中予以公开的申请4件", "其中予以公开的申请2件"),
    ("部分公开0件", "部分公开1件"),
    ("不予公开0件", "不予公开2件"),
    ("无法提供0件", "无法提供1件"),
    ("不予处理0件", "不予处理1件"),
    ("其他处理0件", "其他处理1件"),
    ("已依法答复4件", "已依法答复3件"),
    ("共办结4件", "共办结5件"),
    ("结转下年度继续办理0件", "结转下年度继续办理1件"),
    ("自然人申请3件", "自然人申请4件"),
    ("法人或其他组织申请1件", "法人或其他组织申请2件"),
    ("其他法人或其他组织申请1件", "其他法人或其他组织申请3件"),
    ("商业企业0件", "商业企业申请1件"),
])
def test_each_kind_of_count_passes_when_right_and_fails_when_wrong(good: str, bad: str) -> None:
    report = street()
    assert r9(report, f"收到政府信息公开申请4件，{good}。") == []
    found = r9(report, f"收到政府信息公开申请4件，{bad}。")
    assert len(found) == 1, found
    quoted = found[0].split("“")[1].split("”")[0]
    assert quoted in bad and quoted[-2:] == bad[-2:], found  # the item quoted, not the whole clause


def test_a_named_sub_kind_is_compared_with_its_row() -> None:
    report = street(t3__open__person=2, t3__refuse_3__person=1)
    assert r9(report, "不予公开（危及“三安全一稳定”）1件。") == []
    assert r9(report, "不予公开（第三方权益）1件。")
    assert r9(report, "不予公开1件。") == []  # the sum of the eight rows
    assert r9(report, "不予公开（经审查）1件。") == []  # a remark, not a sub-kind: no claim


def test_appeal_outcomes_and_rows_are_read_from_table_four() -> None:
    report = street(t4__review__upheld=1, t4__review__pending=2, t4__suit_after_review__corrected=1)
    assert r9(report, "行政复议3件（结果维持1件、尚未审结2件），复议后起诉1件（结果纠正1件）。") == []
    assert r9(report, "行政复议3件（结果维持2件、尚未审结1件）。")
    assert r9(report, "行政诉讼1件。") == []
    assert r9(report, "未经复议直接起诉1件。")


@pytest.mark.parametrize("variant", range(3))
def test_every_draft_passes_r9(variant: int) -> None:
    for key in ("on_request", "appeals"):
        report = busy(unit_for_variant(key, variant))
        assert r9(report, draft_on_request(report) + draft_appeals(report)) == []


@pytest.mark.parametrize("text", [
    "市长热线全年接受转办 290 件，受理群众反映问题 118 件。",
    "开展政务公开培训 2 次，印发宣传资料 300 份。",
    "主动公开政府信息 56 条，其中予以公开的政策文件在网站集中发布。",
    "依法予以公开的信息均在规定时限内答复。",
])
def test_numbers_that_are_not_counts_of_applications_are_left_alone(text: str) -> None:
    assert r9(street(), text) == []
    assert r9(street(), text, "s1.summary") == []


@pytest.mark.parametrize("number", range(5))
def test_the_seeds_have_no_r9_errors(number: int) -> None:
    assert [f.message for f in errors(check_report(seed_report(number))) if f.rule == "R9"] == []


def test_quotes_never_cut_a_number() -> None:
    text = "我镇在政府网站发布信息120条，公众号发布信息1234条"
    at = text.index("网站")
    assert "120条" in quote(text, at, at + 2, width=8)
    assert quote(text, 0, 2, width=10).endswith("120条…")
    assert quote("共收到申请12.5万条", 0, 2, width=5).startswith("共收到申请12.5")
