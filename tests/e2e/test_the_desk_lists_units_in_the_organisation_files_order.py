"""The desk's overview lists an area's units in the order of the organisation file the county imported (its
official order), over real HTTP: by default (a tie of status and errors keeps that order) and under the 单位 heading
(either way round) — never by the code points of the names."""

from __future__ import annotations

from datetime import date

from bs4 import BeautifulSoup

from storage import Store, import_org_csv
from tests.e2e.desk_setup import running_desk, signed_in_session

AREA = "示范县"
OFFICIAL = ["城关镇", "青山乡", "东城街道", "北关镇", "阿里乡"]
assert OFFICIAL != sorted(OFFICIAL)


def seed(store: Store) -> None:
    rows = [f"u{i},经办人{i},staff,{name},,{AREA}" for i, name in enumerate(OFFICIAL)]
    import_org_csv(store, "\n".join(["userid,name,role,unit,unit_kind,area", *rows,
                                     f"supA,审核员,supervisor,,,{AREA}", ""]))
    store.save_campaign(2024, date(2025, 1, 15), date(2025, 1, 31))


async def test_the_overview_lists_units_in_the_organisation_files_order(tmp_path) -> None:
    async with running_desk(tmp_path, seed=seed) as desk:
        a = await signed_in_session(desk, "supA")
        try:
            for params, expected in (({}, OFFICIAL), ({"sort": "name"}, OFFICIAL),
                                     ({"sort": "-name"}, OFFICIAL[::-1])):
                async with a.get(f"{desk.url}/desk/area/{AREA}", params=params) as r:
                    html = await r.text()
                rows = [tr["data-unit"] for tr in BeautifulSoup(html, "html.parser").select("tr[data-unit]")]
                assert rows == expected, (params, rows)
        finally:
            await a.close()
