"""The supervisor's pages: home, the area at a glance (with its roll-up and export), one unit's report."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import asdict, fields
from datetime import datetime
from urllib.parse import quote

from aiohttp import web

from bot.file_names import export_file, rollup_file
from handlers.areas import area_campaign
from handlers.jobs.export import EXPORT_SECONDS, export_area
from handlers.jobs.queue import CHILD_MEMORY_BYTES, IsolatedFailure, run_isolated_blocking
from handlers.jobs.rollup import ROLLUP_SECONDS, rollup_area
from handlers.web.desk.access import (
    Visitor,
    acting_visitor,
    desk_of,
    forbidden,
    link,
    page,
    settings_of,
    store_of,
    visitor_of,
)
from handlers.web.desk.actions import REVIEW_WORDS, Reminded, remind_overdue, review
from handlers.web.desk.views import Query, area_check, area_overview, unit_view
from storage import Store

log = logging.getLogger("nianbao.desk")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def not_found(request: web.Request) -> web.Response:
    """A mistyped or outdated desk link: a page in Chinese, not aiohttp's "404: Not Found"."""
    return page("problem", status=404, what="not_found")


def error_page() -> web.Response:
    """What a supervisor sees when a desk page fails unexpectedly (the app's catch-all logs it): a page, not JSON."""
    return page("problem", status=503, what="error")


async def home(request: web.Request) -> web.Response:
    visitor = await visitor_of(request)
    if not visitor.is_admin and visitor.user.area:
        raise web.HTTPFound(link("area", visitor.user.area))
    store = store_of(request)
    areas = await store.run(store.area_names) if visitor.is_admin else []
    return page("home", visitor=visitor, areas=areas)


async def _area(request: web.Request) -> tuple[Visitor, str]:
    visitor = await visitor_of(request)
    return visitor, await _area_of(request, visitor)


async def _area_of(request: web.Request, visitor: Visitor) -> str:
    """The area of the path, when the visitor may see it."""
    area = request.match_info["area"]
    if not visitor.may_see(area):
        raise forbidden("other_area", visitor)
    store = store_of(request)
    if area not in await store.run(store.area_names):
        raise forbidden("unknown", visitor)
    return area


def _now(request: web.Request) -> datetime:
    return desk_of(request).clock()


async def overview(request: web.Request) -> web.Response:
    visitor, area = await _area(request)
    reminded = _reminded(request.query) if request.query.get("done") == "remind" else None
    return await _overview_response(request, visitor, area, reminded=reminded)


async def _overview_response(request: web.Request, visitor: Visitor, area: str, status: int = 200,
                             reminded: Reminded | None = None, confirm_needed: bool = False) -> web.Response:
    store, tz = store_of(request), settings_of(request).tz
    view = await store.run(area_overview, store, area, Query.of(request.query), _now(request), tz)
    return page("overview", status=status, visitor=visitor, parent_visible=visitor.may_see(view["parent"]),
                reminded=reminded, remind_confirm_needed=confirm_needed, **view)


def _reminded(query: Mapping[str, str]) -> Reminded:
    """The counts 催办 of every overdue unit carried back to the overview (see `area_remind`)."""
    def count(name: str) -> int:
        value = query.get(name, "")
        return int(value) if value.isdigit() and len(value) < 7 else 0

    return Reminded(*(count(f.name) for f in fields(Reminded)))


async def area_remind(request: web.Request) -> web.Response:
    """催办 to every overdue unit of the area not handed in, once the box is ticked; then back to the overview,
    which says how many units (and people) were reminded."""
    visitor, form = await acting_visitor(request)
    area = await _area_of(request, visitor)
    if form.get("confirm") != "yes":
        return await _overview_response(request, visitor, area, status=422, confirm_needed=True)
    store, tz = store_of(request), settings_of(request).tz
    reminded = await store.run(remind_overdue, store, visitor.user, area, _now(request), tz)
    log.info("desk: 催办 of the overdue units of %s by %s: %s", area, visitor.user.userid, reminded)
    if reminded.units:
        desk_of(request).wake(request.app)
    raise web.HTTPSeeOther(link("area", area, done="remind", **{k: str(v) for k, v in asdict(reminded).items()}))


async def rollup_check(request: web.Request) -> web.Response:
    """A city's roll-up against the sum of its counties' (every handed-in report read: not on the overview)."""
    visitor, area = await _area(request)
    store = store_of(request)
    view = await store.run(area_check, store, area, _now(request), settings_of(request).tz)
    return page("check", visitor=visitor, **view)


def _attachment(data: bytes, name: str, content_type: str) -> web.Response:
    fallback = "".join(c if c.isascii() and c.isalnum() or c in ".-_" else "_" for c in name)
    disposition = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
    return web.Response(body=data, content_type=content_type,
                        headers={"Content-Disposition": disposition, "Cache-Control": "no-store"})


async def rollup_download(request: web.Request) -> web.Response:
    """汇总表 .docx (approved reports; ?include=submitted adds the waiting), summed and rendered in an isolated child
    on its own read connection (`handlers.jobs.rollup`)."""
    visitor, area = await _area(request)
    include = "submitted" if request.query.get("include") == "submitted" else "approved"
    store, tz = store_of(request), settings_of(request).tz
    campaign, _ = await store.run(area_campaign, store, area, _now(request), tz)
    try:
        rolled = await asyncio.to_thread(run_isolated_blocking, rollup_area, (str(store.path), area, area,
                                         campaign.year, include, tz.key), ROLLUP_SECONDS, CHILD_MEMORY_BYTES)
    except IsolatedFailure:
        log.exception("roll-up of %s failed", area)
        return page("download_failed", status=503, visitor=visitor, area=area, what="rollup")
    if not rolled.units:
        return page("nothing_to_roll_up", status=409, visitor=visitor, area=area, include=include)
    return _attachment(rolled.docx, rollup_file(area, campaign.year), DOCX)


async def export_download(request: web.Request) -> web.Response:
    """导出 .xlsx: one row per unit of the area, made by the chat's 导出 job function in an isolated child (its own
    read connection, bounded memory): a large area's export never holds the storage thread."""
    visitor, area = await _area(request)
    store, tz = store_of(request), settings_of(request).tz
    now = _now(request)
    campaign, _ = await store.run(area_campaign, store, area, now, tz)
    try:
        _, data = await asyncio.to_thread(run_isolated_blocking, export_area, (str(store.path), area, area,
                                          campaign.year, tz.key), EXPORT_SECONDS, CHILD_MEMORY_BYTES)
    except IsolatedFailure:
        log.exception("export of %s failed", area)
        return page("download_failed", status=503, visitor=visitor, area=area, what="export")
    return _attachment(data, export_file(area, campaign.year, now.astimezone(tz).date()), XLSX)


async def _unit(request: web.Request, visitor: Visitor) -> tuple[str, str | None]:
    """The unit of the path and its area, when the visitor may see it (an unknown unit is refused alike: a
    supervisor learns nothing about other areas)."""
    name = request.match_info["unit"]
    store = store_of(request)
    unit = await store.run(store.unit, name)
    if unit is None:
        raise forbidden("unknown", visitor)
    if not visitor.may_see(unit.area):
        raise forbidden("other_area", visitor)
    return unit.name, unit.area


def _year(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and 1990 < int(value) < 2100 else None


async def unit_page(request: web.Request) -> web.Response:
    visitor = await visitor_of(request)
    name, area = await _unit(request, visitor)
    return await _unit_response(request, visitor, name, area, _year(request.query.get("year")),
                                request.query.get("done", ""))


async def _unit_response(request: web.Request, visitor: Visitor, name: str, area: str | None, year: int | None,
                         outcome: str = "", attempted: str = "", status: int = 200) -> web.Response:
    store, tz = store_of(request), settings_of(request).tz
    view = await store.run(unit_view, store, name, area, year, _now(request), tz)
    return page("unit", status=status, visitor=visitor, area=area, done=outcome, attempted=attempted, **view)


async def _approved(store: Store, unit: str, year: int) -> bool:
    stored = await store.run(store.report, unit, year)
    return stored is not None and stored.status == "approved"


async def unit_review(request: web.Request) -> web.Response:
    """退回 (with a reason), 通过 (with the confirmation box ticked) or 催办, then back to the unit's page."""
    visitor, form = await acting_visitor(request)
    name, area = await _unit(request, visitor)
    action = str(form.get("action", ""))
    year = _year(str(form.get("year", "")))
    if action not in REVIEW_WORDS or year is None:
        return page("problem", status=400, visitor=visitor, what="bad_request")  # a form not of this page
    store, tz = store_of(request), settings_of(request).tz
    reason = str(form.get("reason", "")).strip()
    if action == "approve" and form.get("confirm") != "yes":
        return await _unit_response(request, visitor, name, area, year, "confirm_needed", status=422)
    if action == "return" and not reason:
        return await _unit_response(request, visitor, name, area, year, "reason_needed", status=422)
    if action == "return" and form.get("confirm") != "yes" and await _approved(store, name, year):
        # undoing an approval (the clerk may have published it already) is asked twice, as 通过 is
        return await _unit_response(request, visitor, name, area, year, "revoke_needed", status=422)
    acted, replies = await store.run(review, store, visitor.user, name, area, year, action, reason,
                                     _now(request), tz)
    if not acted:  # the report changed since the page was read (another tab, another supervisor, the clerk)
        log.info("desk: %s by %s on %s refused: %s", action, visitor.user.userid, name, " / ".join(replies))
        return await _unit_response(request, visitor, name, area, year, "refused", action, 409)
    desk_of(request).wake(request.app)
    raise web.HTTPSeeOther(link("unit", name, year=str(year), done=action))
