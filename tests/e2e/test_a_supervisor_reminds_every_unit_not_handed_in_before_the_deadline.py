"""Before the due date the desk's overview offers 催办 to every unit not handed in yet (the chat's 催办 does the same),
confirmed by a tick; the clerks get the supervisor's reminder and the overview says how many were reminded."""

from __future__ import annotations

from datetime import date

import pytest

from storage import Store, Unit, User
from tests.e2e.desk_setup import AREA_A, running_desk, seed_store
from tests.e2e.servers import eventually
from tests.e2e.test_desk_browser import browser, fits, shots, signed_in_page, texts

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser", "shots"]  # the module's fixtures, shared


def seed_before_the_deadline(store: Store) -> None:
    """Due on 20 January; the desk's clock reads the 10th; one unit not started, with a clerk."""
    seed_store(store)
    store.save_unit(Unit("慢乡", "乡", AREA_A))
    store.save_user(User("slow", "慢经办人", "staff", "慢乡", AREA_A))
    store.save_campaign(2024, date(2025, 1, 20), date(2025, 1, 31))


async def test_before_the_deadline_every_unit_not_handed_in_is_reminded_at_once(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path, seed=seed_before_the_deadline) as desk:
        page = await signed_in_page(browser, desk, "supA")
        await page.goto(f"{desk.url}/desk/area/{AREA_A}")
        assert await page.locator("#remind-overdue").count() == 0
        panel = page.locator("#remind-pending")
        assert "报送截止日期为2025年1月20日（剩10天），1个单位尚未提交。" in await panel.inner_text()
        await fits(page, shots, "overview-remind-pending")
        await panel.locator("input[name=confirm]").check()
        await panel.locator("button").click()
        said = await page.locator("#reminded").inner_text()
        assert "已向1个未提交单位的填报人（1人）发送催办提醒。" in said
        sent = await eventually(lambda: [t for t in texts(desk, "slow") if t.startswith("【年报催办】慢乡")])
        assert "距截止日期（2025年1月20日）还有10天" in sent[0]
