"""The desk's routes, and what each request needs from the app (`Desk`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiohttp import web

DESK_PREFIX = "/desk"


@dataclass(frozen=True)
class Desk:
    store_key: web.AppKey[Any]
    settings_key: web.AppKey[Any]
    api_key: web.AppKey[Any]
    clock: Callable[[], datetime]  # the moment a campaign is judged at (tests move it)
    wall_clock: Callable[[], float]  # session and sign-in expiry
    wake: Callable[[web.Application], None]  # the outbox worker, after a notice was queued


DESK_KEY = web.AppKey("desk", Desk)


def desk_error_page() -> web.Response:
    from handlers.web.desk.pages import error_page

    return error_page()


def mount_desk(app: web.Application, desk: Desk) -> None:
    from handlers.web.desk import admin, pages, signin

    app[DESK_KEY] = desk
    p = DESK_PREFIX
    app.router.add_get(p, pages.home)
    app.router.add_get(p + "/", pages.home)
    app.router.add_get(p + "/login", signin.login)
    app.router.add_get(p + "/oauth", signin.oauth_return)
    app.router.add_post(p + "/logout", signin.logout)
    app.router.add_get(p + "/signed_out", signin.signed_out)
    app.router.add_get(p + "/area/{area}", pages.overview)
    app.router.add_get(p + "/area/{area}/rollup.docx", pages.rollup_download)
    app.router.add_get(p + "/area/{area}/export.xlsx", pages.export_download)
    app.router.add_get(p + "/area/{area}/check", pages.rollup_check)
    app.router.add_post(p + "/area/{area}/remind", pages.area_remind)
    app.router.add_get(p + "/unit/{unit}", pages.unit_page)
    app.router.add_post(p + "/unit/{unit}/review", pages.unit_review)
    app.router.add_get(p + "/admin", admin.admin_page)
    app.router.add_post(p + "/admin/campaign", admin.set_campaign)
    app.router.add_post(p + "/admin/org", admin.upload_org)
    app.router.add_route("*", p + "/{anything:.*}", pages.not_found)  # last: any other desk path, in Chinese
