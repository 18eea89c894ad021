"""The edge's subcommands of `nianbao`: serve, chat, db upgrade, backup, org import, import, campaign, reminders.

Operator-facing messages are gathered in MESSAGES: one line each, Chinese, no tracebacks.
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

from handlers.config import DEFAULT_DB, DEFAULT_TZ, SettingsError, read_env_file, settings_from_environment

EXIT_OK, EXIT_BAD_INPUT, EXIT_SETUP = 0, 1, 2

MESSAGES = {
    "upgraded": "数据库 {path} 已是最新结构（版本 {before} → {after}）",
    "backed_up": "已将数据库 {source} 备份到 {target}",
    "org_done": ("组织架构已导入：新增单位 {r.units_added} 个、更新 {r.units_updated} 个；"
                 "新增人员 {r.users_added} 名、更新 {r.users_updated} 名、停用 {r.users_deactivated} 名"),
    "org_bad": "组织架构文件有误，未导入任何内容：",
    "report_saved": "已保存{unit} {year} 年度报告（{changes} 处内容），导入时发现的问题 {count} 条",
    "finding": "  [{level}] {rule}：{message}",
    "not_found": "文件不存在：{path}",
    "campaign_set": "已设置{area} {year} 年度报告：截止日期 {due}，公开期限 {publish_by}（时区 {tz}）",
    "campaign_bad": "日期有误：截止日期 {due} 应晚于 {year} 年底，且不晚于公开期限 {publish_by}",
    "bad_moment": "时间格式有误：{text}（示例：2026-01-08T09:00）",
    "reminder_sent": "[发送] {v.campaign} {v.unit} {v.slot}（{at}）→ {people} 人：{first}",
    "reminder_skip": "[跳过] {v.campaign} {v.unit} {v.slot}（{at}）：{v.reason}",
    "reminders_none": "{at} 没有到期的提醒",
    "reminders_done": "共 {sent} 条提醒、跳过 {skipped} 条；{mode}",
    "reminders_dry": "预览，未发送任何消息",
    "reminders_queued": "已加入发送队列 {queued} 条消息（服务运行时由发送队列发出）",
}
ALL_AREAS_LABEL = "全部区域"
LEVELS = {"error": "错误", "warning": "提醒"}


def register(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser("serve", help="启动企业微信回调服务")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--demo", action="store_true", help="演示模式：本机模拟企业微信接口，生成演示数据")
    serve.set_defaults(run=run_serve)

    chat = commands.add_parser("chat", help="在终端里以企业微信用户身份与运行中的服务对话")
    chat.add_argument("--user", required=True, metavar="USERID")
    chat.add_argument("--url", metavar="URL", help="服务地址，默认取 data/demo.env 中的地址")
    chat.add_argument("--say", nargs="+", metavar="TEXT", help="依次发送这些消息后退出（不进入交互）")
    chat.set_defaults(run=run_chat_command)

    db = commands.add_parser("db", help="数据库维护")
    db_commands = db.add_subparsers(metavar="ACTION")
    upgrade = db_commands.add_parser("upgrade", help="把数据库升级到最新结构")
    _db_option(upgrade)
    upgrade.set_defaults(run=run_db_upgrade)

    backup = commands.add_parser("backup", help="在线备份数据库（服务运行时也安全）")
    backup.add_argument("target", metavar="PATH")
    _db_option(backup)
    backup.set_defaults(run=run_backup)

    org = commands.add_parser("org", help="组织架构（单位与人员）")
    org_commands = org.add_subparsers(metavar="ACTION")
    org_import = org_commands.add_parser("import", help="从 CSV 导入单位与人员")
    org_import.add_argument("file", metavar="FILE.csv")
    _db_option(org_import)
    org_import.set_defaults(run=run_org_import)

    campaign = commands.add_parser("campaign", help="年度报告收集工作（截止日期、公开期限）")
    campaign_commands = campaign.add_subparsers(metavar="ACTION")
    campaign_set = campaign_commands.add_parser("set", help="设置某年度的截止日期和公开期限")
    campaign_set.add_argument("--year", type=int, help="报告年度（默认：上一自然年）")
    campaign_set.add_argument("--due", required=True, type=_date, metavar="YYYY-MM-DD", help="提交截止日期")
    campaign_set.add_argument("--publish-by", type=_date, metavar="YYYY-MM-DD", help="公开期限（默认：次年1月31日）")
    campaign_set.add_argument("--area", help="只对这个区域设置（默认：全部区域）")
    _db_option(campaign_set)
    campaign_set.set_defaults(run=run_campaign_set)

    reminders = commands.add_parser("reminders", help="查看（并发送）某一时刻到期的提醒")
    reminders.add_argument("--at", required=True, metavar="YYYY-MM-DDTHH:MM", help="时刻（NIANBAO_TZ 时区）")
    reminders.add_argument("--dry-run", action="store_true", help="只显示，不加入发送队列")
    _db_option(reminders)
    reminders.set_defaults(run=run_reminders_command)

    report = commands.add_parser("import", help="导入已有的年度报告，供下一年度参考")
    report.add_argument("file", metavar="REPORT_FILE")
    report.add_argument("--unit", required=True, metavar="U")
    report.add_argument("--year", required=True, type=int, metavar="Y")
    _db_option(report)
    report.set_defaults(run=run_import_report)


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help=f"数据库文件（默认取 NIANBAO_DB，否则 {DEFAULT_DB}）")


def _db_path(args: argparse.Namespace) -> Path:
    if args.db:
        return Path(args.db)
    return Path({**read_env_file(Path(".env")), **os.environ}.get("NIANBAO_DB") or DEFAULT_DB)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式有误：{text}（示例：2026-01-15）") from None


def _tz_setting() -> ZoneInfo:
    """NIANBAO_TZ (environment, then .env), Asia/Shanghai by default: campaign dates are local dates there."""
    name = {**read_env_file(Path(".env")), **os.environ}.get("NIANBAO_TZ") or DEFAULT_TZ
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError("NIANBAO_TZ", f"NIANBAO_TZ 不是有效的时区名称：“{name}”") from None


def _fail(text: str, code: int = EXIT_SETUP) -> int:
    print(text, file=sys.stderr)
    return code


# -- serve and chat ----------------------------------------------------------------------------------------------


def run_serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    from handlers.app import create_app
    from handlers.demo import demo_banner, prepare_demo
    from handlers.wecom_standin import create_standin_app
    from storage import StorageError, Store

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        demo = prepare_demo(args.host, args.port) if args.demo else None
        settings = demo.settings if demo else settings_from_environment()
        store = Store.open(settings.db_path)
    except (SettingsError, StorageError) as error:
        return _fail(str(error).splitlines()[0])
    standin = None
    if demo:
        standin = create_standin_app(settings.corp_id, settings.secret, settings.agent_id)
        print(demo_banner(demo), flush=True)
    try:
        web.run_app(create_app(settings, store=store, standin_app=standin), host=args.host, port=args.port,
                    print=None)
    finally:
        store.close()
    return EXIT_OK


def run_chat_command(args: argparse.Namespace) -> int:
    from handlers.chat import chat_target, run_chat

    try:
        target = chat_target(args.url)
    except ValueError as error:
        return _fail(str(error))
    return asyncio.run(run_chat(target, args.user, args.say))


# -- database ----------------------------------------------------------------------------------------------------


def run_db_upgrade(args: argparse.Namespace) -> int:
    from storage import StorageError, upgrade

    path = _db_path(args)
    try:
        before, after = upgrade(path)
    except StorageError as error:
        return _fail(str(error))
    print(MESSAGES["upgraded"].format(path=path, before=before, after=after))
    return EXIT_OK


def run_backup(args: argparse.Namespace) -> int:
    from storage import StorageError, backup

    source = _db_path(args)
    try:
        target = backup(source, args.target)
    except StorageError as error:
        return _fail(str(error))
    print(MESSAGES["backed_up"].format(source=source, target=target))
    return EXIT_OK


def run_org_import(args: argparse.Namespace) -> int:
    from storage import OrgImportError, StorageError, Store, import_org_csv

    if not Path(args.file).is_file():
        return _fail(MESSAGES["not_found"].format(path=args.file))
    try:
        with Store.open(_db_path(args)) as store:
            result = import_org_csv(store, Path(args.file))
    except OrgImportError as error:
        print(MESSAGES["org_bad"], file=sys.stderr)
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except StorageError as error:
        return _fail(str(error))
    print(MESSAGES["org_done"].format(r=result))
    return EXIT_OK


def run_import_report(args: argparse.Namespace) -> int:
    from bot.importers import NotAReport, import_report
    from bot.units import guess_unit_kind
    from handlers.unit_stats import refresh_unit_figures
    from storage import StorageError, Store

    if not Path(args.file).is_file():
        return _fail(MESSAGES["not_found"].format(path=args.file))
    try:
        imported = import_report(args.file)
    except NotAReport as error:
        return _fail(f"{args.file}：{error}", EXIT_BAD_INPUT)
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
    print(MESSAGES["report_saved"].format(unit=args.unit, year=args.year, changes=len(changes),
                                          count=len(imported.findings)))
    for finding in imported.findings:
        print(MESSAGES["finding"].format(level=LEVELS.get(finding.level, finding.level), rule=finding.rule,
                                         message=finding.message))
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
        return _fail(MESSAGES["campaign_bad"].format(due=args.due, year=year, publish_by=publish_by), EXIT_BAD_INPUT)
    try:
        with Store.open(_db_path(args)) as store:
            current = store.campaign(year, args.area)
            store.save_campaign(year, args.due, publish_by, area=args.area,
                                settings=current.settings if current else None)
    except StorageError as error:
        return _fail(str(error))
    print(MESSAGES["campaign_set"].format(area=args.area or ALL_AREAS_LABEL, year=year, due=args.due,
                                          publish_by=publish_by, tz=tz.key))
    return EXIT_OK


def run_reminders_command(args: argparse.Namespace) -> int:
    from handlers.timers import run_reminders
    from storage import StorageError, Store

    try:
        tz = _tz_setting()
        moment = datetime.fromisoformat(args.at)
    except SettingsError as error:
        return _fail(str(error))
    except ValueError:
        return _fail(MESSAGES["bad_moment"].format(text=args.at), EXIT_BAD_INPUT)
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
        return MESSAGES["reminders_none"].format(at=run.now.isoformat(timespec="minutes"))
    lines = []
    for v in run.verdicts:
        at = v.at.astimezone(tz).strftime("%m-%d %H:%M")
        if v.sent:
            first = v.text.splitlines()[1] if len(v.text.splitlines()) > 1 else v.text
            lines.append(MESSAGES["reminder_sent"].format(v=v, at=at, people=len(v.users), first=first))
        else:
            lines.append(MESSAGES["reminder_skip"].format(v=v, at=at))
    mode = MESSAGES["reminders_dry"] if dry_run else MESSAGES["reminders_queued"].format(queued=run.queued)
    lines.append(MESSAGES["reminders_done"].format(sent=len(run.sends), skipped=len(run.skips), mode=mode))
    return "\n".join(lines)
