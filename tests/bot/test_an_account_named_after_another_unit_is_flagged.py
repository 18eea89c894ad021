"""A public account named after another unit of the area (the clerk of 青山乡 writes “在城关发布公众号发布信息”) is
flagged by R13 like another unit acting in a pasted paragraph: the account's name holds another township's name, even
its bare core (城关 of 城关镇) when an account word follows it (发布, 政务, 公众号 …). Without the area's list, an
account named with another 乡、镇 or 街道 in full (城关镇发布) is flagged. No replacement is guessed: the clerk knows
which account is theirs; the unit's own accounts and the county's are not flagged."""

from __future__ import annotations

import pytest

from bot.dialog import DialogContext
from bot.report import Report
from bot.rules import check_report

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat

AREA = ("示范县城关镇人民政府", "示范县青山乡人民政府", "示范县东城街道办事处", "示范县教育局")


def r13(text: str, others: object = AREA, unit: str = "示范县青山乡人民政府") -> list:
    report = Report(unit, "乡", 2025, text={"s1.active": text})
    return [f for f in check_report(report, other_units=others) if f.rule == "R13"]


@pytest.mark.parametrize(("text", "account"), [
    ("在城关发布公众号发布信息86条。", "城关发布"),
    ("通过“城关发布”微信公众号发布信息86条。", "城关发布"),
    ("依托城关政务微信公众号发布信息。", "城关政务"),
    ("东城发布视频号发布短视频12条。", "东城发布"),
])
def test_an_account_named_after_another_township_of_the_area_is_flagged(text: str, account: str) -> None:
    found = r13(text)
    assert len(found) == 1 and f"“{account}”" in found[0].message, [f.message for f in found]
    assert found[0].fix is None  # which account is the unit's own is not guessed


@pytest.mark.parametrize("text", ["在城关镇发布公众号发布信息86条。", "通过“东城街道发布”公众号发布信息。"])
def test_an_account_named_after_a_township_in_full_is_flagged_without_the_areas_list(text: str) -> None:
    assert len(r13(text, others=())) == 1


@pytest.mark.parametrize("text", [
    "在青山发布公众号发布信息86条。",  # its own account
    "通过“青山乡政务”微信公众号发布信息。",
    "依托“示范发布”微信公众号转发信息。",  # the county's
    "城乡一体化发布会召开。",
    "发布会在城关召开。",  # the bare core with no account word: a place, not a name
])
def test_what_is_not_an_account_of_another_unit(text: str) -> None:
    assert r13(text) == [], [f.message for f in r13(text)]


@pytest.mark.parametrize(("text", "unit", "kind"), [
    ("2024年我街道运用街道公众号发布信息302条。", "示范县东城街道办事处", "街道"),  # its kind word, a verb, its account
    ("我乡利用乡公众号发布信息。", "示范县青山乡人民政府", "乡"),
])
def test_the_units_own_kind_word_before_an_account_is_no_other_unit(text: str, unit: str, kind: str) -> None:
    report = Report(unit, kind, 2025, text={"s1.active": text})
    found = [f.message for f in check_report(report, other_units=()) if f.rule == "R13"]
    assert found == []


def test_another_township_named_before_an_account_after_a_self_word_is_still_flagged() -> None:
    assert len(r13("我乡转发城关镇公众号的信息。", others=())) == 1


def test_an_account_of_another_township_told_as_notes_is_flagged_in_the_dialog() -> None:
    chat = Chat(DialogContext(user_name="李华", unit="示范县青山乡人民政府", unit_kind="乡", year=2025,
                              other_units=AREA))
    chat.say_all("开始", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
    answers = iter(PROSE_ALL_DEFAULT)
    while "【1.2】" not in chat.last.replies[0].text:
        chat.send(next(answers))
    said = chat.send("在城关发布公众号发布信息86条")
    assert "“城关发布”" in said and "在在" not in said, said  # the draft says 在 before its channels once
