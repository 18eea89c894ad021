"""The edge tells a take-over to the unit's other clerks (handlers.conversation): a colleague's conversation about
the same year learns what the file answered; one about an earlier year is done with and starts afresh, knowing it;
one about a later year (the take-over fixes an earlier report) is left as it was; the taker's own is the taker's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.incoming import Incoming
from handlers.conversation import NianbaoEngine
from handlers.files import read_file
from storage import Store, Unit, User
from tests.e2e.test_this_years_report_sent_as_a_file_becomes_the_empty_draft import this_years_file

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 1, 8, 10, 0, tzinfo=TZ)
UNIT = "龙亭区柳园口乡"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "colleagues.db") as s:
        s.save_unit(Unit(UNIT, "乡", "龙亭区"))
        s.save_unit(Unit("水稻乡", "乡", "龙亭区"))
        for userid, name, unit in (("wang", "王芳", UNIT), ("li", "李明", UNIT), ("zhao", "赵强", UNIT),
                                   ("sun", "孙丽", UNIT), ("shui", "水稻", "水稻乡")):
            s.save_user(User(userid, name, "staff", unit, "龙亭区"))
        yield s


def say(store: Store, userid: str, text: str) -> str:
    user = store.user(userid)
    assert user is not None
    with store.transaction():
        return NianbaoEngine(TZ)(store, user, Incoming(userid, "text", NOW, text=text), NOW)[0].text


def wang_sends_this_years_file(store: Store) -> None:
    user = store.user("wang")
    assert user is not None
    verdict = read_file(this_years_file(), "2025年报.docx", UNIT, "乡", 2025)
    with store.transaction():
        NianbaoEngine(TZ).after_file(store, user, 2025, verdict, NOW)


def test_the_colleagues_of_the_year_learn_it_and_the_others_are_left_as_they_were(store: Store) -> None:
    say(store, "li", "你好")
    store.save_conversation("zhao", {"v": 1, "greeted": True, "submitted": True, "answered": ["2.1"]}, NOW,
                            year=2024)  # last year's, handed in
    later = {"v": 1, "greeted": True, "cur": ["2.2", 0], "answered": ["2.1"], "year": 2026}
    store.save_conversation("sun", later, NOW)  # a later year's: not this take-over's
    say(store, "shui", "你好")
    shui = store.conversation("shui")
    wang_sends_this_years_file(store)
    answered = store.conversation("wang")["answered"]  # type: ignore[index]
    for userid in ("li", "zhao"):
        state = store.conversation(userid, 2025)
        assert state is not None and state["answered"] == answered and state["colleague_file"]["by"] == "王芳"
    zhao = store.conversation("zhao", 2025)
    assert zhao is not None and not zhao["submitted"] and not zhao["greeted"]  # last year's done with
    assert store.conversation("sun") == later and store.conversation("shui") == shui
    assert store.conversation("wang")["colleague_file"] is None  # type: ignore[index]
    assert "本单位王芳" in say(store, "zhao", "你好") and "【2.3】" in say(store, "li", "继续")


def test_a_colleagues_draft_on_offer_is_drafted_again_with_the_numbers_of_the_file_taken_over(store: Store) -> None:
    for text in ("你好", "0 0 0", "1 0 1", "210 12 0", "0", "否", "否", "1"):
        say(store, "li", text)
    offered = say(store, "li", "政府网站信息公开专栏 56 条，政务公众号 120 条")
    assert "行政许可决定210件" in offered, offered
    wang_sends_this_years_file(store)  # over the draft 李明 began: offered, taken with 导入
    assert "已按文件《2025年报.docx》替换" in say(store, "wang", "导入")
    assert store.report(UNIT, 2025).report.cells["t2.license"] == 0  # type: ignore[union-attr]  # the file's
    reply = say(store, "li", "1")  # not the old numbers adopted: the draft drafted again is shown first
    assert "本单位王芳已将文件《2025年报.docx》导入" in reply and "您正在撰写的【1.2】主动公开草稿已按导入后的数字重写" in reply
    assert "原草稿未采用" in reply and "未作出行政许可" in reply and "210件" not in reply, reply
    say(store, "li", "1")
    assert "未作出行政许可" in store.report(UNIT, 2025).report.text["s1.active"]  # type: ignore[union-attr]
