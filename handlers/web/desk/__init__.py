"""The supervisor's desk in the browser, under /desk: WeCom sign-in, the area at a glance, a unit's report with
its findings in place, 退回/通过 through the chat's own code, and the admins' page.

`mount_desk` registers the routes on the main app; the app hands over how to reach its store, settings, WeCom
client and clocks (the desk imports nothing from `handlers.web.app`, which imports it).
"""

from __future__ import annotations

from handlers.web.desk.routes import DESK_PREFIX, Desk, desk_error_page, mount_desk

__all__ = ["DESK_PREFIX", "Desk", "desk_error_page", "mount_desk"]
