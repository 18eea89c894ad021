"""Areas nest: a city's supervisor sees its counties' progress and drills into each, by message and on the desk;
the city's roll-up is checked against the sum of its counties'; a county's supervisor sees nothing of the city."""

from __future__ import annotations

import aiohttp
from bs4 import BeautifulSoup

from tests.e2e.desk_setup import (
    AREA_A,
    AREA_B,
    CITY,
    OTHER_UNIT,
    RETURNED,
    running_desk,
    seed_city,
    signed_in_session,
)


async def test_a_city_supervisor_follows_its_counties_by_message(tmp_path) -> None:
    async with running_desk(tmp_path, seed=seed_city) as desk, aiohttp.ClientSession() as http:
        summary = await desk.say(http, "supCity", "汇总")
        assert f"{CITY}2024年度报告进度" in summary and "共6个单位" in summary
        assert f"{AREA_A}：共5个" in summary and f"{AREA_B}：共1个" in summary
        county = await desk.say(http, "supCity", f"{AREA_B} 汇总")
        assert f"{AREA_B}2024年度报告进度" in county and "共1个单位" in county and "其中" not in county
        assert "柳园口乡" in await desk.say(http, "supCity", "查看 柳园口")
        for text in (f"{CITY} 汇总", f"{AREA_B} 汇总"):
            assert "共" not in await desk.say(http, "supA", text)  # another area: refused
        assert "共5个单位" in await desk.say(http, "supA", "汇总")


async def test_a_city_supervisor_drills_into_its_counties_on_the_desk(tmp_path) -> None:
    async with running_desk(tmp_path, seed=seed_city) as desk:
        city = await signed_in_session(desk, "supCity")
        try:
            async with city.get(desk.url + "/desk/") as r:
                page = BeautifulSoup(await r.text(), "html.parser")
                assert str(r.url).endswith("/desk/area/%E7%A4%BA%E8%8C%83%E5%B8%82")
            # the counties as their units are listed (示范县's were written first), not by name (外 sorts before 示)
            assert [tr["data-part"] for tr in page.select("tr[data-part]")] == [AREA_A, AREA_B]
            assert len(page.select("tr[data-unit]")) == 6
            async with city.get(desk.url + f"/desk/area/{CITY}/check") as r:
                assert "之和一致" in BeautifulSoup(await r.text(), "html.parser").select_one("#nested-check").get_text()
            for path in (f"/desk/area/{AREA_A}", f"/desk/area/{AREA_B}", f"/desk/unit/{OTHER_UNIT}",
                         f"/desk/unit/{RETURNED}", f"/desk/area/{CITY}/rollup.docx?include=submitted"):
                async with city.get(desk.url + path) as r:
                    assert r.status == 200, path
        finally:
            await city.close()
        county = await signed_in_session(desk, "supA")
        try:
            for path in (f"/desk/area/{CITY}", f"/desk/area/{AREA_B}", f"/desk/unit/{OTHER_UNIT}"):
                async with county.get(desk.url + path) as r:
                    assert r.status == 403, path
        finally:
            await county.close()
