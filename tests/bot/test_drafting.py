from __future__ import annotations

import hashlib
import re
from decimal import Decimal

import pytest

from bot.drafting import draft_appeals, draft_fees, draft_on_request, variant_for
from bot.formats import GOV2021
from bot.report import Report, empty_report, with_derived

KEYS = ("on_request", "appeals", "fees")


def unit_for_variant(key: str, variant: int, kind: str = "镇") -> str:
    """A unit name that gets the wanted phrasing, so every phrasing is tested."""
    return next(name for i in range(1000) if variant_for(name := f"试验{i}{kind}", key, 3) == variant)


def township(unit: str, kind: str = "镇", **cells: int) -> Report:
    report = empty_report(unit, kind, 2024)
    report.cells.update({k.replace("__", "."): v for k, v in cells.items()})
    return with_derived(report)


def busy(unit: str, kind: str = "镇") -> Report:
    return township(unit, kind, t3__new__person=5, t3__new__company=2, t3__carried_in__person=1,
                    t3__open__person=3, t3__partial__company=1, t3__unable_1__person=2, t3__other_3__company=1,
                    t3__carry_over__person=1, t4__review__upheld=1, t4__review__pending=2,
                    t4__suit_after_review__corrected=1)


def numbers_in(text: str) -> list[Decimal]:
    text = text.replace("国办函〔2020〕109号", "")
    return [Decimal(n) for n in re.findall(r"\d+(?:\.\d+)?", text)]


def table_numbers(report: Report, prefix: str) -> set[Decimal]:
    return {Decimal(v) for k, v in report.cells.items() if k.startswith(prefix) and v is not None}


# --- variant choice ------------------------------------------------------------------------------------------


def test_variant_is_a_stable_hash_of_the_unit_and_the_draft():
    digest = hashlib.sha256("册井镇\x00fees".encode()).digest()
    assert variant_for("册井镇", "fees", 3) == int.from_bytes(digest[:8], "big") % 3
    assert variant_for(" 册井镇 ", "fees", 3) == variant_for("册井镇", "fees", 3)
    assert {variant_for(f"单位{i}", "fees", 3) for i in range(50)} == {0, 1, 2}
    with pytest.raises(ValueError):
        variant_for("册井镇", "fees", 0)


def test_one_unit_always_gets_the_same_text_and_two_units_differ():
    a, b = busy("永清县刘街乡", "乡"), busy("郸城县胡集乡", "乡")
    assert draft_appeals(a) == draft_appeals(busy("永清县刘街乡", "乡"))
    drafts_a = [draft_on_request(a), draft_appeals(a), draft_fees(a)]
    drafts_b = [draft_on_request(b), draft_appeals(b), draft_fees(b)]
    assert drafts_a != drafts_b
    assert any(x != y for x, y in zip(drafts_a, drafts_b, strict=True))


@pytest.mark.parametrize("key", KEYS)
def test_every_phrasing_differs(key):
    def draft(report: Report) -> str:
        if key == "fees":
            return draft_fees(report, Decimal(100) if report.cells["t3.new.total"] else None)
        return draft_on_request(report) if key == "on_request" else draft_appeals(report)

    units = [unit_for_variant(key, v) for v in range(3)]
    assert len({draft(township(u)) for u in units}) == 3
    assert len({draft(busy(u)) for u in units}) == 3


# --- 依申请公开 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", range(3))
def test_on_request_with_no_applications(variant):
    unit = unit_for_variant("on_request", variant)
    text = draft_on_request(township(unit))
    assert "未收到政府信息公开申请" in text
    assert "我镇" in text or text.startswith("本年度")
    assert not [n for n in numbers_in(text) if n != 2024]


def test_on_request_plain_phrase_exists():
    text = draft_on_request(township(unit_for_variant("on_request", 0)))
    assert re.fullmatch(r"(?:本年度|全年|一年来)，我镇未收到政府信息公开申请，无上年结转申请。", text), text


@pytest.mark.parametrize("variant", range(3))
def test_on_request_states_the_table(variant):
    report = busy(unit_for_variant("on_request", variant))
    text = draft_on_request(report, {"channels": ["信函", "网络"]})
    assert "7件" in text and "1件" in text  # 新收 7, 上年结转 1
    assert report.cells["t3.total.total"] == 7
    assert "办结7件" in text or "答复7件" in text  # （七）总计
    for words in ("予以公开3件", "部分公开1件", "无法提供（本机关不掌握）2件",
                  "申请人撤回申请等其他情形1件"):  # QA3 item 20: not “其他处理（其他）”
        assert words in text, (words, text)
    assert "不予公开" not in text and "不予处理" not in text  # only what happened
    assert "自然人申请5件" in text and "商业企业申请2件" in text
    assert "信函、网络" in text and "我镇" in text and re.search(r"2024|本年度|全年|一年来|年内", text)
    assert ("结转下年度" in text) and "我乡" not in text
    assert set(numbers_in(text)) - {Decimal(2024)} <= table_numbers(report, "t3.")


def test_on_request_numbers_follow_the_table_not_the_facts():
    report = busy("册井镇")
    report.cells["t3.new.total"] = 9  # whatever the table prints is what the text says
    assert "申请9件" in draft_on_request(report) or "新收政府信息公开申请9件" in draft_on_request(report)


def test_on_request_missing_totals_are_the_sums_the_table_would_print():
    report = busy("册井镇")
    derived = {c for c in GOV2021.cell_ids if GOV2021.cell(c).derived}
    bare = report.copy(cells={k: v for k, v in report.cells.items() if k not in derived})
    assert draft_on_request(bare) == draft_on_request(report)


def test_on_request_only_carried_in():
    report = township(unit_for_variant("on_request", 0), t3__carried_in__person=2, t3__open__person=2)
    text = draft_on_request(report)
    assert "未收到新的政府信息公开申请" in text and "上年结转2件" in text and "予以公开2件" in text


def test_on_request_self_word_follows_the_kind():
    assert "我街道" in draft_on_request(busy("塔铺街道", "街道"))
    assert "我乡" in draft_on_request(busy("刘街乡", "乡"))
    assert "我局" in draft_on_request(busy("县教育局", "县级部门"))
    assert "本单位" in draft_on_request(busy("某某", ""))


def test_on_request_remark_is_appended():
    text = draft_on_request(busy("册井镇"), {"remark": "所有申请均在法定期限内答复。"})
    assert text.endswith("所有申请均在法定期限内答复。")


# --- 行政复议、行政诉讼 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", range(3))
def test_appeals_none(variant):
    text = draft_appeals(township(unit_for_variant("appeals", variant)))
    assert "未发生" in text or "没有" in text
    assert "行政复议" in text and "行政诉讼" in text
    assert not [n for n in numbers_in(text) if n != 2024]


def test_appeals_plain_phrase_exists():
    text = draft_appeals(township(unit_for_variant("appeals", 0)))
    assert re.fullmatch(r"(?:本年度|全年|一年来)未发生因政府信息公开引起的行政复议、行政诉讼。", text), text


@pytest.mark.parametrize("variant", range(3))
def test_appeals_state_counts_and_results(variant):
    report = busy(unit_for_variant("appeals", variant))
    text = draft_appeals(report)
    assert "行政复议3件" in text and "结果维持1件" in text and "尚未审结2件" in text
    assert "行政诉讼1件，系复议后起诉，结果纠正" in text  # a single suit is said as one, without a bracket
    assert "未经复议直接起诉" not in text
    assert set(numbers_in(text)) - {Decimal(2024)} <= table_numbers(report, "t4.")


@pytest.mark.parametrize("variant", range(3))
def test_appeals_litigation_only(variant):
    report = township(unit_for_variant("appeals", variant), t4__suit_direct__upheld=2)
    text = draft_appeals(report)
    assert "未经复议直接起诉2件（结果维持2件）" in text
    assert "行政复议" in text and "复议后起诉" not in text


# --- 信息处理费 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", range(3))
@pytest.mark.parametrize("collected", [None, Decimal("0"), Decimal("0.00")])
def test_fees_none(variant, collected):
    text = draft_fees(township(unit_for_variant("fees", variant)), collected)
    assert "未收取信息处理费" in text and "国办函〔2020〕109号" in text


def test_fees_plain_phrase_exists():
    assert draft_fees(township(unit_for_variant("fees", 0))).endswith("未收取信息处理费。")


@pytest.mark.parametrize("variant", range(3))
def test_fees_amount(variant):
    text = draft_fees(township(unit_for_variant("fees", variant)), Decimal("200.00"))
    assert "信息处理费200元" in text and "国办函〔2020〕109号" in text and "未收取" not in text
    assert "信息处理费100.5元" in draft_fees(township(unit_for_variant("fees", variant)), Decimal("100.50"))


def test_qa2_item_33_the_other_column_reads_other_organisations():
    report = busy("东城街道", "街道")
    report.cells.update({"t3.new.other": 1})
    text = draft_on_request(with_derived(report))
    assert "其他组织申请1件" in text and "其他法人或其他组织" not in text
