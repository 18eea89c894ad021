"""催办 of every overdue unit at once, from the area's overview: past the deadline, a panel says how many units have
not handed in and, once its box is ticked, sends each of their clerks the chat's reminder over WeCom (the same text,
the same once-a-minute key, recorded with the campaign's reminders as the single 催办 is); the page then says how
many units and people were reminded, and which could not be (no clerk: phone them). Units handed in and units of
another area get nothing; a second click in the same minute sends nothing again; before the deadline there is no
panel, and a form sent anyway reminds nobody."""

from __future__ import annotations

from datetime import date

import pytest

from storage import Store, Unit, User
from tests.e2e.desk_setup import AREA_A, AREA_B, UNITS, running_desk, seed_store
from tests.e2e.servers import eventually
from tests.e2e.test_desk_browser import browser, fits, shots, signed_in_page, texts

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser", "shots"]  # the module's fixtures, shared
SLOW, LAZY, NOBODY = "慢乡", "懒镇", "无人乡"
LATE_CLERKS = {"slow": SLOW, "lazy": LAZY}


def seed_units_not_handed_in(store: Store) -> None:
    """Three units of 示范县 not handed in (two with a clerk, one without), 外县's unit back to not handed in."""
    seed_store(store)
    store.save_unit(Unit(SLOW, "乡", AREA_A))
    store.save_user(User("slow", "孙慢", "staff", SLOW, AREA_A))
    store.save_unit(Unit(LAZY, "镇", AREA_A))
    store.save_user(User("lazy", "李懒", "staff", LAZY, AREA_A))
    store.save_unit(Unit(NOBODY, "乡", AREA_A))
    store.save_unit(Unit("外县乡", "乡", AREA_B))
    store.save_user(User("staffB2", "外县乡经办人", "staff", "外县乡", AREA_B))


def seed_past_the_deadline(store: Store) -> None:
    """Due on 5 January; the desk's clock reads the 10th."""
    seed_units_not_handed_in(store)
    store.save_campaign(2024, date(2025, 1, 5), date(2025, 1, 31))


def reminders(desk, user: str) -> list[str]:
    return [t for t in texts(desk, user) if "【年报提醒】" in t or "【年报催办】" in t]  # the timer's, a supervisor's


async def test_a_supervisor_reminds_every_overdue_unit_at_once(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path, seed=seed_past_the_deadline) as desk:
        # the timer's daily nudge of the morning, sent at start-up, comes first: the 催办 comes on top of it
        await eventually(lambda: all(reminders(desk, c) for c in [*LATE_CLERKS, "staffB2"]))
        before = {c: len(reminders(desk, c)) for c in [*LATE_CLERKS, "staffB2"]}
        page = await signed_in_page(browser, desk, "supA")
        await page.goto(f"{desk.url}/desk/area/{AREA_A}")
        panel = page.locator("#remind-overdue")
        assert "3个单位已过报送截止日期（2025年1月5日）仍未提交" in await panel.inner_text()

        # not confirmed: the browser asks for the tick, and the server refuses a form without it
        await panel.locator("button").click()
        assert await page.locator("#reminded").count() == 0
        token = await page.locator("#remind-overdue input[name=csrf]").get_attribute("value")
        response = await page.request.post(f"{desk.url}/desk/area/{AREA_A}/remind", form={"csrf": token or ""})
        assert response.status == 422 and "请先勾选确认框" in await response.text()
        assert {c: len(reminders(desk, c)) for c in before} == before

        await panel.locator("input[name=confirm]").check()
        await panel.locator("button").click()
        said = await page.locator("#reminded").inner_text()
        assert "已向2个逾期未提交单位的填报人（2人）发送催办提醒。" in said
        assert "1个单位未登记填报人，无法通过企业微信催办" in said
        for clerk, unit in LATE_CLERKS.items():
            sent = await eventually(lambda clerk=clerk: reminders(desk, clerk)[before[clerk]:])
            assert len(sent) == 1 and unit in sent[0] and "已超过截止日期" in sent[0]  # the chat's reminder
            assert sent[0].startswith("【年报催办】")

        # clicked again in the same minute: each unit is reminded once
        await page.locator("#remind-overdue input[name=confirm]").check()
        await page.locator("#remind-overdue button").click()
        said = await page.locator("#reminded").inner_text()
        assert "本次未发送新的催办提醒。2个单位刚刚已提醒过，本次未重复发送。" in said
        await fits(page, shots, "overview-remind-overdue")

        # recorded with the campaign's reminders, as the single 催办 and the timer's are: once per unit
        campaign = desk.store.campaign(2024)
        assert campaign is not None
        chased = [r["unit"] for r in desk.store.reminder_records(campaign.id) if r["slot"].startswith("manual-")]
        assert sorted(chased) == sorted([SLOW, LAZY])
        assert {c: len(reminders(desk, c)) for c in before} == {**before, "slow": before["slow"] + 1,
                                                                 "lazy": before["lazy"] + 1}
        assert not any(reminders(desk, f"staff{n}") for n in UNITS)  # handed in

        # the phone-number way for the unit without a clerk is one click away
        await page.click("#reminded a")
        assert NOBODY in await page.locator("tr[data-unit]").evaluate_all("rows => rows.map(r => r.dataset.unit)")


async def test_before_the_deadline_the_units_not_handed_in_are_chased_instead(browser, tmp_path) -> None:
    """Before the due date no unit is overdue: the overview offers 催办 of the units not handed in yet instead (see
    test_a_supervisor_reminds_every_unit_not_handed_in_before_the_deadline), and a form posted from an older page
    reaches them too, said as 未提交, never as 逾期."""
    async with running_desk(tmp_path, seed=seed_units_not_handed_in) as desk:  # due on the 15th, today the 10th
        page = await signed_in_page(browser, desk, "supA")
        await page.goto(f"{desk.url}/desk/area/{AREA_A}")
        assert await page.locator("#remind-overdue").count() == 0 and await page.locator("#remind-pending").count()
        token = await page.locator("input[name=csrf]").first.get_attribute("value")
        response = await page.request.post(f"{desk.url}/desk/area/{AREA_A}/remind",  # a page from before
                                           form={"csrf": token or "", "confirm": "yes"})
        said = await response.text()
        assert response.status == 200 and "个未提交单位的填报人" in said and "逾期" not in said.split("id=\"reminded\"")[1][:200]
        campaign = desk.store.campaign(2024)
        assert campaign is not None
        assert [r for r in desk.store.reminder_records(campaign.id) if r["slot"].startswith("manual-")]


async def test_a_supervisor_cannot_chase_another_areas_units(browser, tmp_path) -> None:
    async with running_desk(tmp_path, seed=seed_past_the_deadline) as desk:
        page = await signed_in_page(browser, desk, "supA")
        await page.goto(f"{desk.url}/desk/area/{AREA_A}")
        token = await page.locator("input[name=csrf]").first.get_attribute("value")
        response = await page.request.post(f"{desk.url}/desk/area/{AREA_B}/remind",
                                           form={"csrf": token or "", "confirm": "yes"})
        assert response.status == 403
        campaign = desk.store.campaign(2024)
        assert campaign is not None
        assert not [r for r in desk.store.reminder_records(campaign.id) if r["slot"].startswith("manual-")]
