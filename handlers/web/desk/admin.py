"""The admins' page: campaign dates (through the chat's 设置截止), the organisation file (through
`nianbao org import`'s own importer: every bad line named, nothing imported on error), and the 未登记 users."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from aiohttp import web

from bot.supervision import AreaView, supervisor_command
from bot.supervision.area import short_time
from bot.units import UNIT_KINDS
from handlers.areas import ALL_AREAS, Scope, area_campaign, upcoming_campaign
from handlers.supervisor import execute
from handlers.web.desk.access import (
    Visitor,
    acting_visitor,
    desk_of,
    forbidden,
    page,
    settings_of,
    store_of,
    visitor_of,
)
from storage import OrgImportError, Store, User, import_org_csv

MAX_ORG_BYTES = 5 * 1024 * 1024


async def _admin(request: web.Request) -> Visitor:
    visitor = await visitor_of(request)
    if not visitor.is_admin:
        raise forbidden("admin_only", visitor)
    return visitor


def admin_view(store: Store, tz: tzinfo) -> dict[str, Any]:
    unknown = [{**u, "first": short_time(u["first_seen"], tz), "last": short_time(u["last_seen"], tz)}
               for u in store.unknown_users()]
    return {"campaigns": store.all_campaigns(), "areas": store.area_names(), "unknown": unknown,
            "people": len(store.users()), "units": len(store.units()), "unit_kinds": list(UNIT_KINDS)}


async def _admin_response(request: web.Request, visitor: Visitor, status: int = 200, **result: object) -> web.Response:
    store = store_of(request)
    view = await store.run(admin_view, store, settings_of(request).tz)
    context = {"campaign_replies": [], "campaign_done": None, "org_problems": [], "org_result": None,
               "org_missing": False, **result}
    return page("admin", status=status, visitor=visitor, **view, **context)


async def admin_page(request: web.Request) -> web.Response:
    return await _admin_response(request, await _admin(request))


def set_due(store: Store, user: User, area: str | None, due: str, publish_by: str, now: datetime,
            tz: tzinfo) -> tuple[bool, list[str]]:
    """设置截止 <due> [<publish_by>] for `area` (None: every area), as typed in the chat."""
    text = f"设置截止 {due} {publish_by}".strip()
    with store.transaction():
        campaign, stored = area_campaign(store, area, now, tz)
        view = AreaView(area or ALL_AREAS, campaign, [], upcoming=upcoming_campaign(store, area, now, tz))
        result = supervisor_command(text, user.role, view, now, tz)
        execute(store, user, result, view, Scope(area, text), stored, now, tz)
    return bool(result.actions), [r.text for r in result.replies if r.text]


async def set_campaign(request: web.Request) -> web.Response:
    visitor, form = await acting_visitor(request)
    if not visitor.is_admin:
        raise forbidden("admin_only", visitor)
    store = store_of(request)
    area = str(form.get("area", "")) or None
    if area is not None and area not in await store.run(store.area_names):
        return page("problem", status=400, visitor=visitor, what="bad_request")
    due, publish_by = str(form.get("due", "")).strip(), str(form.get("publish_by", "")).strip()
    done, replies = await store.run(set_due, store, visitor.user, area, due, publish_by, desk_of(request).clock(),
                                    settings_of(request).tz)
    return await _admin_response(request, visitor, 200 if done else 422, campaign_replies=replies,
                                 campaign_done=done)


async def upload_org(request: web.Request) -> web.Response:
    visitor, form = await acting_visitor(request)
    if not visitor.is_admin:
        raise forbidden("admin_only", visitor)
    upload = form.get("file")
    data = upload.file.read(MAX_ORG_BYTES + 1) if isinstance(upload, web.FileField) else b""
    if not data or len(data) > MAX_ORG_BYTES:
        return await _admin_response(request, visitor, 422, org_problems=[], org_missing=True)
    store = store_of(request)
    try:
        result = await store.run(import_org_csv, store, data)
    except OrgImportError as error:
        return await _admin_response(request, visitor, 422, org_problems=error.problems)
    return await _admin_response(request, visitor, org_result=result)
