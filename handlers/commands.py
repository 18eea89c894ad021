"""The edge's subcommands of `nianbao`: serve, chat, db upgrade, backup, org import, import, campaign, reminders.

Operator-facing lines come from templates/messages/cli.j2 through `bot.messages`: one line each, Chinese,
no tracebacks.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.messages import text
from handlers.config import (
    DEFAULT_DB,
    DEFAULT_TZ,
    DEMO_PUBLIC_URL,
    SettingsError,
    read_env_file,
    settings_from_environment,
)

EXIT_OK, EXIT_BAD_INPUT, EXIT_SETUP = 0, 1, 2



def register(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser("serve", help=text("cli", "help", key="serve"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--demo", action="store_true", help=text("cli", "help", key="serve.demo"))
    serve.set_defaults(run=run_serve)

    chat = commands.add_parser("chat", help=text("cli", "help", key="chat"))
    chat.add_argument("--user", required=True, metavar="USERID")
    chat.add_argument("--url", metavar="URL", help=text("cli", "help", key="chat.url"))
    chat.add_argument("--say", nargs="+", metavar="TEXT", help=text("cli", "help", key="chat.say"))
    chat.add_argument("--file", action="append", default=[], metavar="FILE", type=Path,
                      help=text("cli", "help", key="chat.file"))
    chat.add_argument("--channel", choices=("app", "longconn"), help=text("cli", "help", key="chat.channel"))
    chat.set_defaults(run=run_chat_command)

    db = commands.add_parser("db", help=text("cli", "help", key="db"))
    db_commands = db.add_subparsers(metavar="ACTION")
    upgrade = db_commands.add_parser("upgrade", help=text("cli", "help", key="db.upgrade"))
    _db_option(upgrade)
    upgrade.set_defaults(run=run_db_upgrade)

    backup = commands.add_parser("backup", help=text("cli", "help", key="backup"))
    backup.add_argument("target", metavar="PATH")
    _db_option(backup)
    backup.set_defaults(run=run_backup)

    org = commands.add_parser("org", help=text("cli", "help", key="org"))
    org_commands = org.add_subparsers(metavar="ACTION")
    org_import = org_commands.add_parser("import", help=text("cli", "help", key="org.import"))
    org_import.add_argument("file", metavar="FILE.csv")
    _db_option(org_import)
    org_import.set_defaults(run=run_org_import)

    campaign = commands.add_parser("campaign", help=text("cli", "help", key="campaign"))
    campaign_commands = campaign.add_subparsers(metavar="ACTION")
    campaign_set = campaign_commands.add_parser("set", help=text("cli", "help", key="campaign.set"))
    campaign_set.add_argument("--year", type=int, help=text("cli", "help", key="campaign.set.year"))
    campaign_set.add_argument("--due", required=True, type=_date, metavar="YYYY-MM-DD", help=text("cli", "help", key="campaign.set.due"))
    campaign_set.add_argument("--publish-by", type=_date, metavar="YYYY-MM-DD", help=text("cli", "help", key="campaign.set.publish_by"))
    campaign_set.add_argument("--area", help=text("cli", "help", key="campaign.set.area"))
    _db_option(campaign_set)
    campaign_set.set_defaults(run=run_campaign_set)

    reminders = commands.add_parser("reminders", help=text("cli", "help", key="reminders"))
    reminders.add_argument("--at", required=True, metavar="YYYY-MM-DDTHH:MM", help=text("cli", "help", key="reminders.at"))
    reminders.add_argument("--dry-run", action="store_true", help=text("cli", "help", key="reminders.dry_run"))
    _db_option(reminders)
    reminders.set_defaults(run=run_reminders_command)

    report = commands.add_parser("import", help=text("cli", "help", key="import"))
    report.add_argument("file", metavar="REPORT_FILE")
    report.add_argument("--unit", required=True, metavar="U")
    report.add_argument("--year", required=True, type=int, metavar="Y")
    _db_option(report)
    report.set_defaults(run=run_import_report)


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help=text("cli", "help_db", default=DEFAULT_DB))


def _db_path(args: argparse.Namespace) -> Path:
    if args.db:
        return Path(args.db)
    return Path({**read_env_file(Path(".env")), **os.environ}.get("NIANBAO_DB") or DEFAULT_DB)


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(text("cli", "bad_date", text=value)) from None


def _tz_setting() -> ZoneInfo:
    """NIANBAO_TZ (environment, then .env), Asia/Shanghai by default: campaign dates are local dates there."""
    name = {**read_env_file(Path(".env")), **os.environ}.get("NIANBAO_TZ") or DEFAULT_TZ
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError("NIANBAO_TZ", text("settings", "bad_tz", name="NIANBAO_TZ", value=name, example=False)) from None


def _fail(line: str, code: int = EXIT_SETUP) -> int:
    print(line, file=sys.stderr)
    return code


# -- serve and chat ----------------------------------------------------------------------------------------------


def run_serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    from handlers.demo import GATEWAY_PREFIX, demo_banner, prepare_demo
    from handlers.web.app import create_app
    from handlers.web.event_loop import new_event_loop
    from handlers.wecom.gateway_standin import create_gateway_app
    from handlers.wecom.standin import create_standin_app
    from storage import StorageError, Store

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        demo = prepare_demo(args.host, args.port) if args.demo else None
        settings = demo.settings if demo else settings_from_environment()
        store = Store.open(settings.db_path)
    except (SettingsError, StorageError) as error:
        return _fail(str(error).splitlines()[0])
    standin = gateway = None
    if demo:
        standin = create_standin_app(settings.corp_id, settings.secret, settings.agent_id)
        if demo.gateway:
            gateway = create_gateway_app(settings.bot_id, settings.bot_secret)
        print(demo_banner(demo), flush=True)
    try:
        app = create_app(settings, store=store, standin_app=standin, warm_up=True)
        if gateway is not None:
            app.add_subapp(GATEWAY_PREFIX, gateway)
        web.run_app(app, host=args.host, port=args.port, print=None, loop=new_event_loop())
    finally:
        store.close()
    return EXIT_OK


def run_chat_command(args: argparse.Namespace) -> int:
    from handlers.chat import chat_target, run_chat

    channel = args.channel or read_env_file(Path("data/demo.env")).get("NIANBAO_DEMO_CHANNEL") or "app"
    if channel == "longconn":
        return _run_phone_chat(args)
    try:
        target = chat_target(args.url)
    except ValueError as error:
        return _fail(str(error))
    missing = next((f for f in args.file if not f.is_file()), None)
    if missing is not None:
        return _fail(text("cli", "not_found", path=missing), EXIT_BAD_INPUT)
    lines = args.say if args.say is not None else ([] if args.file else None)  # files alone: send them and leave
    return asyncio.run(run_chat(target, args.user, lines, files=args.file))


def _run_phone_chat(args: argparse.Namespace) -> int:
    """Over the demo's long connection: the gateway stand-in plays the user's phone."""
    from handlers.chat_longconn import run_phone_chat
    from handlers.demo import GATEWAY_PREFIX

    demo = read_env_file(Path("data/demo.env"))
    base = (args.url or demo.get("NIANBAO_PUBLIC_URL") or DEMO_PUBLIC_URL).rstrip("/")
    missing = next((f for f in args.file if not f.is_file()), None)
    if missing is not None:
        return _fail(text("cli", "not_found", path=missing), EXIT_BAD_INPUT)
    lines = args.say if args.say is not None else ([] if args.file else None)
    return asyncio.run(run_phone_chat(base + GATEWAY_PREFIX, args.user, lines, sys.stdout, files=args.file))


# -- database ----------------------------------------------------------------------------------------------------


def run_db_upgrade(args: argparse.Namespace) -> int:
    from storage import StorageError, upgrade

    path = _db_path(args)
    try:
        before, after = upgrade(path)
    except StorageError as error:
        return _fail(str(error))
    print(text("cli", "upgraded", path=path, before=before, after=after))
    return EXIT_OK


def run_backup(args: argparse.Namespace) -> int:
    from storage import StorageError, backup

    source = _db_path(args)
    try:
        target = backup(source, args.target)
    except StorageError as error:
        return _fail(str(error))
    print(text("cli", "backed_up", source=source, target=target))
    return EXIT_OK


def run_org_import(args: argparse.Namespace) -> int:
    from storage import OrgImportError, StorageError, Store, import_org_csv

    if not Path(args.file).is_file():
        return _fail(text("cli", "not_found", path=args.file))
    try:
        with Store.open(_db_path(args)) as store:
            result = import_org_csv(store, Path(args.file))
    except OrgImportError as error:
        print(text("cli", "org_bad"), file=sys.stderr)
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except StorageError as error:
        return _fail(str(error))
    print(text("cli", "org_done", r=result))
    return EXIT_OK


def run_import_report(args: argparse.Namespace) -> int:
    from bot.importers import NotAReport, import_report
    from bot.units import guess_unit_kind
    from handlers.unit_stats import refresh_unit_figures
    from storage import StorageError, Store

    if not Path(args.file).is_file():
        return _fail(text("cli", "not_found", path=args.file))
    try:
        imported = import_report(args.file)
    except NotAReport as error:
        return _fail(text("cli", "file_problem", file=args.file, problem=error), EXIT_BAD_INPUT)
    try:
        with Store.open(_db_path(args)) as store:
            known = store.unit(args.unit)
            kind = known.kind if known else guess_unit_kind(args.unit) or imported.report.unit_kind
            report = replace(imported.report, unit=args.unit, year=args.year, unit_kind=kind)
            with store.transaction():
                changes = store.save_report(report, actor="import", now=datetime.now(UTC))
                refresh_unit_figures(store, args.unit, args.year)
    except StorageError as error:
        return _fail(str(error))
    print(text("cli", "report_saved", unit=args.unit, year=args.year, changes=len(changes),
               count=len(imported.findings)))
    for finding in imported.findings:
        print(text("cli", "finding", level=finding.level, rule=finding.rule, message=finding.message))
    return EXIT_OK


# -- campaigns and reminders -------------------------------------------------------------------------------------


def run_campaign_set(args: argparse.Namespace) -> int:
    from storage import StorageError, Store

    try:
        tz = _tz_setting()
    except SettingsError as error:
        return _fail(str(error))
    year = args.year or datetime.now(tz).year - 1
    publish_by = args.publish_by or date(year + 1, 1, 31)
    if args.due.year <= year or args.due > publish_by:
        return _fail(text("cli", "campaign_bad", due=args.due, year=year, publish_by=publish_by), EXIT_BAD_INPUT)
    try:
        with Store.open(_db_path(args)) as store:
            current = store.campaign(year, args.area)
            store.save_campaign(year, args.due, publish_by, area=args.area,
                                settings=current.settings if current else None)
    except StorageError as error:
        return _fail(str(error))
    print(text("cli", "campaign_set", area=args.area, year=year, due=args.due, publish_by=publish_by, tz=tz.key))
    return EXIT_OK


def run_reminders_command(args: argparse.Namespace) -> int:
    from handlers.jobs.reminders import run_reminders
    from storage import StorageError, Store

    try:
        tz = _tz_setting()
        moment = datetime.fromisoformat(args.at)
    except SettingsError as error:
        return _fail(str(error))
    except ValueError:
        return _fail(text("cli", "bad_moment", text=args.at), EXIT_BAD_INPUT)
    moment = moment.replace(tzinfo=tz) if moment.tzinfo is None else moment
    try:
        with Store.open(_db_path(args)) as store:
            run = run_reminders(store, moment, tz, dry_run=args.dry_run, use_last_run=False)
    except StorageError as error:
        return _fail(str(error))
    print(_reminder_lines(run, tz, args.dry_run))
    return EXIT_OK


def _reminder_lines(run, tz: ZoneInfo, dry_run: bool) -> str:
    if not run.verdicts:
        return text("cli", "reminders_none", at=run.now.isoformat(timespec="minutes"))
    lines = []
    for v in run.verdicts:
        at = v.at.astimezone(tz).strftime("%m-%d %H:%M")
        if v.sent:
            first = v.text.splitlines()[1] if len(v.text.splitlines()) > 1 else v.text
            lines.append(text("cli", "reminder_sent", v=v, at=at, people=len(v.users), first=first))
        else:
            lines.append(text("cli", "reminder_skip", v=v, at=at))
    mode = text("cli", "reminders_dry") if dry_run else text("cli", "reminders_queued", queued=run.queued)
    lines.append(text("cli", "reminders_done", sent=len(run.sends), skipped=len(run.skips), mode=mode))
    return "\n".join(lines)
