"""A command word typed in pinyin alone (jindu, Jin Du, CUIBAN) — a phone with the Chinese input switched off — is
that command, for a clerk and for a supervisor, answered exactly as the Chinese word; a longer text that starts with
such pinyin stays what it was. Through the real engine and real SQLite."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.dialog import COMMAND_PINYIN as CLERK_PINYIN
from bot.dialog.engine import _SIMPLE
from bot.importers import import_report
from bot.incoming import Incoming
from bot.spoken import by_pinyin, word_from_pinyin
from bot.supervision import COMMAND_PINYIN as SUPERVISOR_PINYIN
from bot.supervision.commands import _NO_ARGS
from handlers.conversation import NianbaoEngine
from storage import Store, Unit, User
from tests.conftest import seed_path

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 1, 8, 10, 0, tzinfo=TZ)


def _store(path: Path) -> Store:
    store = Store.open(path)
    for name in ("柳园口乡", "北道门乡", "水稻乡"):
        store.save_unit(Unit(name, "乡", "A区"))
    store.save_user(User("liu", "刘填报", "staff", "柳园口乡", "A区"))
    store.save_user(User("bei", "贝填报", "staff", "北道门乡", "A区"))
    store.save_user(User("supA", "甲审核", "supervisor", None, "A区"))
    store.save_campaign(2025, date(2026, 1, 15), date(2026, 1, 31))
    report = replace(import_report(seed_path(1)).report, unit="柳园口乡", year=2025, unit_kind="乡")
    store.save_report(report, "seed", NOW, status="submitted")
    return store


def answers(tmp_path: Path, user: str, *texts: str) -> list[str]:
    """What the last of `texts` is answered with, said by `user` after the others, in a store of its own."""
    store = _store(tmp_path / f"{len(list(tmp_path.iterdir()))}.db")
    engine = NianbaoEngine(TZ)
    account = store.user(user)
    assert account is not None
    try:
        for text in texts:
            with store.transaction():
                replies = engine(store, account, Incoming(user, "text", NOW, text=text), NOW)
        return [r.text for r in replies]
    finally:
        store.close()


def test_every_command_word_has_its_pinyin_and_no_pinyin_names_two_words() -> None:
    assert set(_SIMPLE) <= set(CLERK_PINYIN) and set(_NO_ARGS) <= set(SUPERVISOR_PINYIN)
    both = {**CLERK_PINYIN, **SUPERVISOR_PINYIN}
    assert len(by_pinyin(both)) == len(both)
    assert all(spelled.replace(" ", "").isascii() and spelled.replace(" ", "").isalpha() for spelled in both.values())


@pytest.mark.parametrize(("typed", "word"), [
    ("jindu", "进度"), ("jin du", "进度"), ("Jin Du", "进度"), ("JINDU", "进度"), (" bangzhu。", "帮助"),
    ("tijiao", "提交"), ("quan wen", "全文"), ("YuLan", "预览"), ("huizong", "汇总"), ("cui ban", "催办"),
    ("Dao Chu", "导出"), ("chehui", "撤回"),
])
def test_the_pinyin_alone_in_any_case_and_spacing_is_the_word(typed: str, word: str) -> None:
    assert word_from_pinyin(typed, by_pinyin({**CLERK_PINYIN, **SUPERVISOR_PINYIN})) == word


@pytest.mark.parametrize("typed", ["jindu zenmeyang", "tijiao le", "bangzhu wo", "huizong yixia", "进度", "jin"])
def test_a_longer_text_or_other_words_are_not_read_as_a_command(typed: str) -> None:
    assert word_from_pinyin(typed, by_pinyin({**CLERK_PINYIN, **SUPERVISOR_PINYIN})) is None


@pytest.mark.parametrize(("typed", "word"), [("jin du", "进度"), ("Bangzhu", "帮助"), ("tijiao", "提交"),
                                             ("yulan", "预览")])
def test_a_clerk_filling_in_gets_the_answer_of_the_chinese_word(tmp_path: Path, typed: str, word: str) -> None:
    expected = answers(tmp_path, "bei", "你好", word)
    assert answers(tmp_path, "bei", "你好", typed) == expected


@pytest.mark.parametrize(("typed", "word"), [("quanwen", "全文"), ("JINDU", "进度")])
def test_a_clerk_whose_report_is_handed_in_gets_the_answer_of_the_chinese_word(tmp_path: Path, typed: str,
                                                                               word: str) -> None:
    expected = answers(tmp_path, "liu", "你好", word)
    assert answers(tmp_path, "liu", "你好", typed) == expected


@pytest.mark.parametrize(("typed", "word"), [("huizong", "汇总"), ("Cui Ban", "催办"), ("daochu", "导出"),
                                             ("jindu", "进度"), ("weiwancheng", "未完成")])
def test_a_supervisor_gets_the_answer_of_the_chinese_word(tmp_path: Path, typed: str, word: str) -> None:
    expected = answers(tmp_path, "supA", word)
    assert answers(tmp_path, "supA", typed) == expected


def test_a_clerk_typing_a_supervisors_command_in_pinyin_gets_the_same_polite_refusal(tmp_path: Path) -> None:
    assert answers(tmp_path, "bei", "你好", "huizong") == answers(tmp_path, "bei", "你好", "汇总")


def test_a_longer_text_is_not_taken_for_the_command(tmp_path: Path) -> None:
    submitted = answers(tmp_path, "bei", "你好", "提交")
    assert answers(tmp_path, "bei", "你好", "tijiao le") != submitted
    summary = answers(tmp_path, "supA", "汇总")
    assert answers(tmp_path, "supA", "huizong yixia") != summary
