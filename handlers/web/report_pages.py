"""The report as a web page: a link that cannot be guessed, signed with NIANBAO_SECRET_KEY, sent in a textcard.

A link shows the report as it was last handed in (a link sent at submission keeps showing what was submitted,
whatever the clerk edits after a 撤回 or a return); a draft link (`view="draft"`, for the unit's own clerk) shows
the report as it stands. The page says which: 草稿, 已提交, 已退回 or 已通过. The same version downloads as PDF
and Word.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
from datetime import date, tzinfo
from typing import Literal
from urllib.parse import quote

from aiohttp import web

from bot.file_names import report_file
from bot.render import PageInfo, render_docx, render_html, render_pdf
from bot.report import Report, with_known_totals
from bot.supervision.area import short_time
from handlers.handed_in import current_submitted_on, submitted_on
from storage import Store, StoredReport
from templates import render as render_template

REPORT_PATH = "/reports/{token}"
REPORT_FILE_PATH = "/reports/{token}/{name}"
_SIGNATURE_CHARS = 32
View = Literal["submitted", "draft"]
STATUS_WORDS = {"draft": "草稿", "submitted": "已提交", "returned": "已退回", "approved": "已通过"}
_FILES = {"pdf": ("application/pdf", render_pdf), "docx": (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", render_docx)}


def report_token(secret: str, unit: str, year: int, view: View = "submitted") -> str:
    fields = [unit, str(year)] + (["draft"] if view == "draft" else [])
    payload = base64.urlsafe_b64encode("\t".join(fields).encode()).decode().rstrip("=")
    return f"{payload}.{_sign(secret, payload)}"


def read_token(secret: str, token: str) -> tuple[str, int] | None:
    """(unit, year) from a token this server signed; None for anything else."""
    found = read_view_token(secret, token)
    return found[:2] if found else None


def read_view_token(secret: str, token: str) -> tuple[str, int, View] | None:
    """(unit, year, view) from a token this server signed; None for anything else."""
    payload, _, signature = token.partition(".")
    if not hmac.compare_digest(signature.encode(), _sign(secret, payload).encode()):
        return None
    try:
        unit, year, *rest = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode().split("\t")
        if rest not in ([], ["draft"]):
            return None
        return unit, int(year), "draft" if rest else "submitted"
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def report_url(public_url: str, secret: str, unit: str, year: int, view: View = "submitted") -> str:
    return public_url.rstrip("/") + REPORT_PATH.format(token=report_token(secret, unit, year, view))


def _sign(secret: str, payload: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()[:_SIGNATURE_CHARS]


def shown_version(stored: StoredReport, view: View) -> Report:
    """The draft link shows the report as it stands; any other the version last handed in (the draft while the
    report was never submitted)."""
    if view == "draft" or stored.submitted is None:
        return stored.report
    return stored.submitted


def shown_submitted_on(stored: StoredReport, view: View, tz: tzinfo | None) -> date | None:
    """The day the version shown was handed in (its 落款 date); None when the link shows a draft."""
    if view == "draft" or stored.submitted is None:  # the report as it stands: handed in while submitted/approved
        return current_submitted_on(stored, tz)
    return submitted_on(stored, tz, handed_in=True)


def page_info(stored: StoredReport, view: View, token: str, tz: tzinfo | None = None) -> PageInfo:
    shown_draft = view == "draft" or stored.submitted is None
    status = "draft" if shown_draft and stored.status == "draft" else stored.status
    note = ""
    if not shown_draft and stored.submitted_at is not None and tz is not None:
        note = render_template("pages/report_note.txt.j2", when=short_time(stored.submitted_at, tz),
                               edited=stored.status == "draft").strip()
    # relative to /reports/{token}: the files of the same link
    files = tuple((label, f"{token}/report.{ext}") for ext, label in (("pdf", "PDF"), ("docx", "Word")))
    return PageInfo(STATUS_WORDS.get(status, status), note, files)


_HEADERS = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex"}


async def _load(store: Store, secret: str, token: str) -> tuple[StoredReport, View] | None:
    found = read_view_token(secret, token)
    stored = await store.run(store.report, *found[:2]) if found else None
    return (stored, found[2]) if stored is not None and found is not None else None


def _not_found() -> web.Response:
    return web.Response(status=404, text=render_template("pages/not_found.html.j2"), content_type="text/html")


async def report_response(store: Store, secret: str, token: str, tz: tzinfo | None = None) -> web.Response:
    """The page for GET /reports/{token}: the version the link shows with its status, or a polite 404."""
    loaded = await _load(store, secret, token)
    if loaded is None:
        return _not_found()
    stored, view = loaded
    html = render_html(with_known_totals(shown_version(stored, view)), page=page_info(stored, view, token, tz),
                       submitted_on=shown_submitted_on(stored, view, tz))
    return web.Response(text=html, content_type="text/html", headers=_HEADERS)


async def report_file_response(store: Store, secret: str, token: str, name: str,
                               tz: tzinfo | None = None) -> web.Response:
    """GET /reports/{token}/report.pdf or report.docx: the same version as the page, rendered off the event loop."""
    ext = name.rpartition(".")[2]
    loaded = await _load(store, secret, token) if name == f"report.{ext}" and ext in _FILES else None
    if loaded is None:
        return _not_found()
    stored, view = loaded
    report = with_known_totals(shown_version(stored, view))
    content_type, render = _FILES[ext]
    data = await asyncio.to_thread(render, report, submitted_on=shown_submitted_on(stored, view, tz))
    filename = quote(report_file(report.unit, report.year, ext), safe="")
    return web.Response(body=data, content_type=content_type,
                        headers={**_HEADERS, "Content-Disposition": f"attachment; filename*=UTF-8''{filename}"})
