"""The desk's pages over real HTTP: the unit page's history is the audit log, the overview sorts and filters on
the server, the downloads are the chat's 汇总表 and 导出, 通过 with an open error is refused as in the chat, and the
admin sets campaign dates."""

from __future__ import annotations

import io

from bs4 import BeautifulSoup
from openpyxl import load_workbook

from storage import AUTOMATIC
from tests.e2e.desk_setup import AREA_A, RETURNED, UNITS, running_desk, signed_in_session
from tests.e2e.test_desk_access import csrf_of


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


async def test_the_history_on_a_units_page_is_its_audit_log_in_order(tmp_path) -> None:
    async with running_desk(tmp_path) as desk:
        a = await signed_in_session(desk, "supA")
        try:
            async with a.get(desk.url + f"/desk/unit/{RETURNED}") as r:
                token = csrf_of(await r.text())
            async with a.post(desk.url + f"/desk/unit/{RETURNED}/review",
                              data={"action": "return", "reason": "规章应为0", "year": "2024", "csrf": token}) as r:
                assert r.status == 200 and "已退回" in await r.text()
            for text in ("好的", "0 0 0", "提交"):
                reply = await desk.say(a, "staff4", text)
            if "确认提交" in reply:
                await desk.say(a, "staff4", "确认提交 已核实")
            async with a.get(desk.url + f"/desk/unit/{RETURNED}") as r:
                page = soup(await r.text())
        finally:
            await a.close()
        audit = desk.store.audit_log(RETURNED, 2024)
        shown = page.select("table.history tbody tr")
        assert [int(tr["data-audit"]) for tr in shown] == [row["id"] for row in audit]
        assert [tr["data-field"] for tr in shown] == [row["field"] for row in audit]
        names = {u.userid: u.name for u in desk.store.users()} | {AUTOMATIC: "年报助手（自动起草）"}  # its preface
        actor = ""
        for tr, row in zip(shown, audit, strict=True):
            actor = tr.find("td", class_="who").get_text() or actor  # shown once per batch of one moment
            assert actor == names.get(row["actor"], row["actor"])
            if row["field"] in ("status", "returned_reason"):
                continue
            old, new = tr.find("del").get_text(), tr.find("ins").get_text()
            assert old == shown_value(row["old_value"]) and new == shown_value(row["new_value"]), row
        assert {"returned_reason", "t2.regulations.issued"} <= {r["field"] for r in audit[-6:]}
        assert [r["new_value"] for r in audit if r["field"] == "status"][-2:] == ["returned", "submitted"]


def shown_value(text: str | None) -> str:
    if text is None:
        return "（无）"
    if text == "":
        return "（空）"
    return text if len(text) <= 125 else text[:117] + "..."  # jinja2 truncate(120, true), leeway 5


async def test_the_overview_sorts_filters_and_downloads_what_the_chat_sends(tmp_path) -> None:
    async with running_desk(tmp_path) as desk:
        a = await signed_in_session(desk, "supA")
        try:
            async with a.get(desk.url + f"/desk/area/{AREA_A}", params={"sort": "-submitted"}) as r:
                rows = [tr["data-unit"] for tr in soup(await r.text()).select("tr[data-unit]")]
            submitted = {u: desk.store.report(u, 2024).submitted_at for u, _ in UNITS.values()}
            assert rows == sorted(submitted, key=submitted.get, reverse=True)
            async with a.get(desk.url + f"/desk/area/{AREA_A}") as r:
                errors = {tr["data-unit"]: int(tr.select_one("td[data-label='错误']").get_text())
                          for tr in soup(await r.text()).select("tr[data-unit]")}
            assert errors[RETURNED] == 1  # the 规章 slip (other seeds may have findings of their own)
            async with a.get(desk.url + f"/desk/area/{AREA_A}", params={"flag": "errors"}) as r:
                shown = [tr["data-unit"] for tr in soup(await r.text()).select("tr[data-unit]")]
            assert RETURNED in shown and set(shown) == {u for u, n in errors.items() if n}
            async with a.get(desk.url + f"/desk/area/{AREA_A}", params={"q": "乡", "status": "approved"}) as r:
                assert soup(await r.text()).select("tr[data-unit]") == []
            async with a.get(desk.url + f"/desk/area/{AREA_A}", params={"sort": "<script>", "flag": "x"}) as r:
                assert r.status == 200  # unknown sorts and filters are ignored

            async with a.get(desk.url + f"/desk/area/{AREA_A}/rollup.docx") as r:
                assert r.status == 409 and "暂无已审核通过的报告" in await r.text()
            async with a.get(desk.url + f"/desk/area/{AREA_A}/rollup.docx", params={"include": "submitted"}) as r:
                assert r.status == 200 and (await r.read())[:2] == b"PK"
                assert "filename*=UTF-8''" in r.headers["Content-Disposition"]
            async with a.get(desk.url + f"/desk/area/{AREA_A}/export.xlsx") as r:
                sheet = load_workbook(io.BytesIO(await r.read())).active
                assert {row[0] for row in list(sheet.iter_rows(values_only=True))[1:]} == {n for n, _ in UNITS.values()}

            # 通过 with an open error: refused with the chat's own answer, nothing changes
            async with a.get(desk.url + f"/desk/unit/{RETURNED}") as r:
                token = csrf_of(await r.text())
            async with a.post(desk.url + f"/desk/unit/{RETURNED}/review",
                              data={"action": "approve", "confirm": "yes", "year": "2024", "csrf": token}) as r:
                assert r.status == 409 and "有1处错误" in await r.text()
            assert desk.store.report(RETURNED, 2024).status == "submitted"
        finally:
            await a.close()


async def test_an_admin_sets_the_campaign_dates_as_the_chat_does(tmp_path) -> None:
    async with running_desk(tmp_path) as desk:
        root = await signed_in_session(desk, "root")
        try:
            async with root.get(desk.url + "/desk/admin") as r:
                token = csrf_of(await r.text())
            async with root.post(desk.url + "/desk/admin/campaign",
                                 data={"area": AREA_A, "due": "2025-01-20", "publish_by": "", "csrf": token}) as r:
                assert r.status == 200 and "2025年1月20日" in await r.text()
            assert desk.store.campaign(2024, AREA_A).due_date.isoformat() == "2025-01-20"
            async with root.post(desk.url + "/desk/admin/campaign",
                                 data={"area": "", "due": "2025-03-20", "csrf": token}) as r:
                assert r.status == 422  # after the legal publication date: refused with the chat's reason
            async with root.post(desk.url + "/desk/admin/campaign", data={"area": "", "due": "2025-01-20"}) as r:
                assert r.status == 403
        finally:
            await root.close()


async def test_a_large_area_is_shown_a_page_at_a_time(tmp_path, monkeypatch) -> None:
    from handlers.web.desk import views

    monkeypatch.setattr(views, "PAGE_ROWS", 2)
    async with running_desk(tmp_path) as desk:
        a = await signed_in_session(desk, "supA")
        try:
            seen = []
            for page in ("1", "2", "3", "99"):
                async with a.get(desk.url + f"/desk/area/{AREA_A}", params={"sort": "name", "page": page}) as r:
                    html = soup(await r.text())
                seen.append([tr["data-unit"] for tr in html.select("tr[data-unit]")])
            assert [len(rows) for rows in seen] == [2, 2, 1, 1] and seen[3] == seen[2]  # past the end: the last
            assert sum(seen[:3], []) == [n for n, _ in UNITS.values()]  # 单位: the order the units were imported in
            assert "第3/3页" in html.get_text() and html.select_one("nav.pager a")["href"].endswith("page=2")
        finally:
            await a.close()
