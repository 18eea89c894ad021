"""What one message reads several times is held for the message (`Turn`): each part's facts as the drafter reads
them, the figures a draft's fingerprint writes; and a fingerprint, across messages, for what it is made from. A value held must follow every change the message makes to what it depends on: read again after an answer
changed it, it is the new value; and whole conversations read the same, reply for reply, as when each value is
computed afresh at every use."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.dialog import DialogContext, facts, prose
from bot.dialog.context import initial_state
from bot.dialog.flow import Turn, question
from bot.formats import GOV2021
from bot.report import Report

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

TABLES = ("开始", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
TABLES_WITH_APPLICATIONS = ("开始", "0 0 0", "1 0 5", "0 2 0", "0", "是", "2 0 0 0 0 0", "无", "1", "2 0 0 0 0 0",
                            "1", "否")


def a_turn() -> Turn:
    ctx = township()
    return Turn(ctx, initial_state(), Report(ctx.unit, ctx.unit_kind, ctx.year))


def test_the_facts_read_again_after_an_answer_changed_them_are_the_new_facts() -> None:
    turn = a_turn()
    q = question(GOV2021, "1.2")
    assert prose.facts_text(turn, q) == ""
    prose._keep_facts(turn, q, ["运营政务公众号", "政府网站专栏发布56条"])
    assert prose.facts_text(turn, q) == "运营政务公众号，政府网站专栏发布56条"
    turn.state["facts"]["1.2"].append("公开栏")  # changed in place: no longer the facts held
    assert prose.facts_text(turn, q) == "运营政务公众号，政府网站专栏发布56条，公开栏"
    turn.state = initial_state()  # 重新开始: a state of its own
    assert prose.facts_text(turn, q) == ""
    turn.state["facts"]["1.2"] = "公众号 120 条"  # a state stored before facts were lists
    assert prose.facts_text(turn, q) == facts.as_text(facts.stored(turn.state, "1.2"))


def test_a_part_drafted_from_another_parts_facts_reads_them_as_they_change() -> None:
    turn = a_turn()
    problems, improvements = question(GOV2021, "5.1"), question(GOV2021, "5.2")
    prose._keep_facts(turn, problems, ["信息更新不够及时", facts.IMPROVE + "明确专人每周更新"])
    assert prose.facts_text(turn, improvements) == prose.facts_text(turn, problems)
    prose._keep_facts(turn, improvements, ["信息更新不够及时"])
    assert prose.facts_text(turn, problems) == "信息更新不够及时"


def test_the_figures_read_again_after_an_answer_changed_a_cell_are_the_new_figures() -> None:
    turn = a_turn()
    turn.report.cells.update({"t2.regulations.issued": 0, "t2.fees": Decimal("0.5")})
    assert prose._figures(turn) == prose._figures_of(turn)
    turn.report.cells["t2.regulations.issued"] = 1  # changed in place: no longer the cells held
    assert "1" in prose._figures(turn) and prose._figures(turn) == prose._figures_of(turn)
    del turn.report.cells["t2.regulations.issued"]
    assert prose._figures(turn) == prose._figures_of(turn)
    turn.report = Report(turn.ctx.unit, turn.ctx.unit_kind, turn.ctx.year)  # 重新开始: a report of its own
    assert prose._figures(turn) == prose._figures_of(turn) == repr((None,) * len(GOV2021.cell_ids))


# the cells as a report holds them: whole numbers and blanks, or amounts (Decimal) that equal others written otherwise
_CELL_VALUES = st.one_of(st.none(), st.integers(-3, 10**6), st.sampled_from(
    [Decimal("1.5"), Decimal("1.50"), Decimal("2"), Decimal("2.0"), Decimal("0"), Decimal("0.00")]))
_SOME_CELLS = st.dictionaries(st.sampled_from(GOV2021.cell_ids[:3] + GOV2021.cell_ids[-3:]), _CELL_VALUES, max_size=4)
_EQUAL_BUT_WRITTEN_OTHERWISE = [{"t2.fees": Decimal("1.5")}, {"t2.fees": Decimal("1.50")}, {"t2.fees": 2},
                                {"t2.fees": Decimal("2")}, {"t2.fees": 2}, {}]


@settings(max_examples=200, deadline=None)
@given(st.lists(_SOME_CELLS, min_size=1, max_size=6))
def test_the_figures_are_the_cells_written_out_whatever_was_read_before(reports: list[dict]) -> None:
    # each report's cells read twice, after any other: a figure held is never one written of equal cells otherwise
    turn = a_turn()
    for cells in [*_EQUAL_BUT_WRITTEN_OTHERWISE, *reports, *reports]:
        turn.report.cells = dict(cells)
        assert prose._figures_of(turn) == repr(tuple(map(cells.get, GOV2021.cell_ids)))


_TEXTS = st.text(alphabet="政务公众号56条，'\"\\、（）", max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TEXTS, st.lists(_TEXTS, max_size=2).map(tuple), st.one_of(st.none(), st.just(""), _TEXTS),
                          st.integers(0, 3), _TEXTS), min_size=1, max_size=4))
def test_a_fingerprint_held_is_the_digest_of_what_it_is_made_from_as_stored(sources: list[tuple]) -> None:
    # as the digest was written into the states stored before it was held: a list of the parts drawn on, each value
    # written out by repr (a fingerprint stored then must still match a draft made from the same)
    for facts_text, drawn, fee, variant, figures in sources * 2:  # each twice: the second one held
        stored = hashlib.sha1(repr((facts_text, list(drawn), fee, variant, figures)).encode()).hexdigest()
        assert prose._fingerprint(facts_text, drawn, fee, variant, figures) == stored


def _afresh(turn: Turn, q) -> str:  # noqa: ANN001
    return facts.as_text(prose.facts_of(turn, q))


SCRIPTS = {
    "every part as drafted": (*TABLES, *PROSE_ALL_DEFAULT, "修改 2.3", "0 1 0", "进度", "提交"),
    "the facts changed by command": (
        *TABLES, "1", "政府网站信息公开专栏 56 条，政务公众号 120 条；重点公开财政预决算", "删除 1",
        "改 1 政务公众号发布 130 条", "重写", "重写", "返回", "1", "1", "1", "无", "默认", "清空",
        "培训 2 次；纳入年度考核", "1", "信息更新不够及时；改进：明确专人每周更新", "删除 2", "1", "1",
        "收取信息处理费 200 元", "1", "修改 1.2", "网站专栏发布 60 条", "1", "修改 5.1", "清空", "无", "默认", "1",
        "预览", "提交"),
    "own words and notes at a draft": (
        *TABLES_WITH_APPLICATIONS, "1", "公众号 120 条", "另外还有公开栏 每个村都有",
        "2025年，我乡通过政府网站、政务公众号等渠道主动公开政府信息，全年共发布信息176条。", "1", "1",
        "落实一事一审 先审后发", "用我的原文", "1", "1", "网站专栏 8 个子栏目", "1", "1", "无", "默认", "0",
        "1", "1", "修改 1.3", "有1件以信函方式提出", "1", "修改 2.3", "0 3 0", "修改 6.1", "200元", "1",
        "提交"),
}


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPTS.keys())
@pytest.mark.parametrize("ctx", [township(), DialogContext(user_name="王五", unit="开封市龙亭区教育局",
                                                           unit_kind="区县政府部门", year=2025)],
                         ids=["township", "bureau"])
def test_a_conversation_reads_the_same_as_with_every_value_computed_afresh(
        script: tuple[str, ...], ctx: DialogContext, monkeypatch: pytest.MonkeyPatch) -> None:
    held = list(_played(ctx, script))
    monkeypatch.setattr(prose, "facts_text", _afresh)
    afresh = list(_played(ctx, script))
    assert held == afresh


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_a_conversation_reads_the_same_as_with_the_figures_read_afresh(
        script: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    held = list(_played(township(), script))
    monkeypatch.setattr(prose, "_figures", prose._figures_of)
    assert held == list(_played(township(), script))


def _fingerprint_made_afresh(turn: Turn, q, figures: str = "") -> str:  # noqa: ANN001
    drawn = [prose.facts_text(turn, x) for code in q.draws_on if (x := question(turn.fmt, code)) is not None]
    variant = (turn.state.get("variants") or {}).get(q.code, 0)
    source = repr((prose.facts_text(turn, q), drawn, turn.state.get("fees_yuan"), variant,
                   figures or prose._figures_of(turn)))
    return hashlib.sha1(source.encode()).hexdigest()


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_a_conversation_reads_the_same_as_with_every_fingerprint_made_afresh(
        script: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    held = list(_played(township(), script))
    monkeypatch.setattr(prose, "_drafted_from", _fingerprint_made_afresh)
    assert held == list(_played(township(), script))


def _played(ctx: DialogContext, script: tuple[str, ...]) -> Iterator[tuple]:
    chat = Chat(ctx)
    for text in script:
        chat.send(text)
        result = chat.last
        yield text, [r.text for r in result.replies], result.state, result.report.cells, result.report.text
