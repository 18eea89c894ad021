"""QA round as a county supervisor: the WeCom cards name the 年报审核台, but typing 审核台 (or 审核, 打开审核台,
审核台链接) to the bot was no command. A supervisor gets the desk's address — built as the handed-in card builds its
link, here the page of the supervisor's area — and a line of what it is for; a clerk is told politely that the desk is
for supervisors, and their conversation is left as it was."""

from __future__ import annotations

import functools

import pytest

from bot.incoming import Incoming, Reply
from handlers.conversation import NianbaoEngine
from handlers.web.app import desk_url
from storage import Store
from tests.handlers.test_supervisor import NOW, TZ, store

__all__ = ["store"]  # the fixture, shared
PUBLIC = "https://nianbao.example.gov.cn/"
ASKED = ["审核台", "审核", "打开审核台", "审核台链接", "审核台。"]


def say(store: Store, user: str, text: str, public: str | None = PUBLIC) -> list[Reply]:
    desk = functools.partial(desk_url, public) if public else None
    engine = NianbaoEngine(TZ, desk_link=desk)
    account = store.user(user)
    assert account is not None
    with store.transaction():
        return engine(store, account, Incoming(user, "text", NOW, text=text), NOW)


@pytest.mark.parametrize("text", ASKED)
def test_a_supervisor_gets_the_desk_link_of_their_area_and_what_it_is_for(store: Store, text: str) -> None:
    [reply] = say(store, "supA", text)
    link = desk_url(PUBLIC, "area", "A区")
    assert link == "https://nianbao.example.gov.cn/desk/area/A%E5%8C%BA"
    assert desk_url(PUBLIC, "unit", "柳园口乡").startswith("https://nianbao.example.gov.cn/desk/")  # the card's
    assert reply.text.splitlines() == [f"年报审核台：{link}", "在审核台可查看本区域各单位报告全文和检查结果，并直接通过或退回。"]


def test_an_admin_gets_the_desks_home_and_one_area_when_named(store: Store) -> None:
    assert say(store, "root", "审核台")[0].text.splitlines() == [
        "年报审核台：https://nianbao.example.gov.cn/desk", "在审核台可查看各区域各单位报告全文和检查结果，并直接通过或退回。"]
    assert "/desk/area/B%E5%8C%BA\n" in say(store, "root", "B区 审核台")[0].text


def test_without_a_public_address_the_supervisor_is_told_the_desk_is_not_open(store: Store) -> None:
    [reply] = say(store, "supA", "审核台", public=None)
    assert "尚未开通" in reply.text and "http" not in reply.text


@pytest.mark.parametrize("text", ASKED)
def test_a_clerk_is_told_politely_the_desk_is_for_supervisors(store: Store, text: str) -> None:
    before = store.conversation("liu")
    [reply] = say(store, "liu", text)
    assert reply.text.startswith("您好！年报审核台供县政务公开办审核人员") and "http" not in reply.text
    assert "「进度」" in reply.text
    assert store.conversation("liu") == before  # nothing reached the clerk's conversation


def test_the_help_names_the_desk(store: Store) -> None:
    assert "「审核台」" in say(store, "supA", "帮助")[0].text
