"""Cards are declared from the questions' own data: every gate of the format is a 是/否 card, every menu a
multi-select of its rows, a draft on offer 采用 / (重写) / 我来写 — and each option's key is what typing it means."""

from __future__ import annotations

from bot.cards import MAX_CHOICES, OWN_TEXT, question_card, review_card, task_stamp
from bot.formats import GOV2021


def test_every_gate_and_menu_of_the_format_comes_as_a_card() -> None:
    for q in GOV2021.questions:
        card = question_card({"cur": [q.code, 0]}, GOV2021)
        if q.kind == "gate":
            assert card is not None and [o.key for o in card.options] == ["是", "否"], q.code
        elif q.kind == "menu":
            rows = q.rows
            assert card is not None and card.kind == "choices"
            assert [o.key for o in card.options] == [str(n) for n in range(1, min(len(rows), MAX_CHOICES) + 1)]
        else:
            assert card is None, q.code  # numbers and prose are typed


def test_a_draft_on_offer_is_adopted_redrafted_or_written_by_the_clerk() -> None:
    offered = {"cur": ["1.2", 1], "offered": {"1.2": "本机关……"}, "facts": {"1.2": ["网站 56 条"]}}
    card = question_card(offered, GOV2021)
    assert card is not None and [o.key for o in card.options] == ["采用", "重写", OWN_TEXT]
    no_facts = question_card({**offered, "facts": {}}, GOV2021)
    assert no_facts is not None and [o.key for o in no_facts.options] == ["采用", OWN_TEXT]  # nothing to redraft from
    assert question_card({**offered, "offered": {}}, GOV2021) is None  # the facts question is typed
    assert question_card({**offered, "drafting": ["1.2", 1]}, GOV2021) is None  # a model draft is awaited


def test_a_tap_types_its_key_and_a_card_knows_what_it_asks() -> None:
    gate = question_card({"cur": ["3.1", 0]}, GOV2021)
    menu = question_card({"cur": ["3.4", 0]}, GOV2021)
    assert gate is not None and menu is not None
    assert gate.typed("否", []) == "否" and gate.typed("也许", []) is None
    assert menu.typed("submit", ["1", "13", "99"]) == "1 13" and menu.typed("submit", []) is None
    assert menu.label("1 13") == "1 予以公开、13 无法提供·补正后仍不明确"
    assert gate.stamp != question_card({"cur": ["4.1", 0]}, GOV2021).stamp  # type: ignore[union-attr]
    review = review_card("龙亭区柳园口乡", 2025)
    assert task_stamp(f"{review.stamp}-17_0") == review.stamp
    assert all(c.isascii() and (c.isalnum() or c in "_@") for c in review.stamp)  # a valid task id prefix
