"""A handed-in report that still has errors cannot be approved (the chat's 通过 refuses it too): the desk offers
only 退回 and says why, rather than a 通过 button that ends on a refusal worded for the chat (回复「查看 …」)."""

from __future__ import annotations

import pytest

from tests.e2e.desk_setup import RETURNED, running_desk
from tests.e2e.test_desk_browser import browser, fits, flagged_unit, shots, signed_in_page

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser", "shots"]  # the module's fixtures, shared


async def test_a_report_with_errors_offers_only_return_and_says_why(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path) as desk:
        page = await signed_in_page(browser, desk, "supA")
        await flagged_unit(page, desk)  # submitted, with its 规章 slip (R7)
        review = page.locator("#review")
        assert await review.locator("input[name=confirm]").count() == 0
        assert await review.locator("button.primary").count() == 0
        assert "仍有1处错误" in await review.locator("#cannot-approve").inner_text()
        assert await review.locator("button.danger").count() == 1  # 退回 stays
        assert "回复" not in await review.inner_text()
        await fits(page, shots, "unit-with-errors")
        assert desk.store.report(RETURNED, 2024).status == "submitted"
