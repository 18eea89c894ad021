"""The `nianbao` command: check and render reports, run the bot, manage its database."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from bot.checking import check_imported, read_nothing
from bot.importers import ImportResult, NotAReport, import_report
from bot.messages import text
from bot.render import render_docx, render_html, render_pdf, render_text
from bot.rules import AreaNames
from templates import render as render_template

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_UNREADABLE
    return args.run(args)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nianbao", description=text("cli", "description"))
    commands = parser.add_subparsers(metavar="COMMAND")

    check = commands.add_parser("check", help=text("cli", "help", key="check"))
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--previous", metavar="FILE", help=text("cli", "help", key="check.previous"))
    check.add_argument("--json", action="store_true", help=text("cli", "help", key="check.json"))
    check.add_argument("--units", metavar="FILE", help=text("cli", "help", key="check.units"))
    check.add_argument("--area", metavar="NAME", default="", help=text("cli", "help", key="check.area"))
    check.set_defaults(run=run_check)

    render = commands.add_parser("render", help=text("cli", "help", key="render"))
    render.add_argument("input", metavar="INPUT")
    render.add_argument("--format", choices=sorted(RENDERERS), default="txt")
    render.add_argument("-o", "--output", metavar="OUT", help=text("cli", "help", key="render.output"))
    render.add_argument("--handed-in", metavar="YYYY-MM-DD", help=text("cli", "help", key="render.handed_in"))
    render.set_defaults(run=run_render)

    for register in EXTRA_COMMANDS:
        register(commands)
    return parser


def run_check(args: argparse.Namespace) -> int:
    previous = None
    if args.previous:
        try:
            previous = import_report(args.previous).report
        except NotAReport as exc:
            print(text("cli", "file_problem", file=args.previous, problem=exc), file=sys.stderr)
            return EXIT_UNREADABLE
        if read_nothing(previous):  # checking against nothing would say 未发现问题 and miss every R6
            print(text("importers", "previous_empty", name=args.previous), file=sys.stderr)
            return EXIT_UNREADABLE
    try:
        listed = _unit_names(Path(args.units)) if args.units else []
    except (OSError, UnicodeDecodeError) as exc:
        print(text("cli", "file_problem", file=args.units, problem=exc), file=sys.stderr)
        return EXIT_UNREADABLE
    imported = {name: _import_one(Path(name)) for name in args.files}
    # the units of the files checked together, and those listed, are one area: R13 finds another's name in each
    names = AreaNames([*listed, *(i.report.unit for i in imported.values() if isinstance(i, ImportResult))])
    results = [_check_one(Path(name), result, previous, names, args.area) for name, result in imported.items()]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(_check_summary(results), end="")
    if any("error" in r for r in results):
        return EXIT_UNREADABLE
    has_errors = any(f["level"] == "error" for r in results for f in r["findings"])
    return EXIT_FINDINGS if has_errors else EXIT_OK


def _import_one(path: Path) -> ImportResult | NotAReport:
    try:
        return import_report(path)
    except NotAReport as exc:
        return exc


def _unit_names(path: Path) -> list[str]:
    """The unit names of a list: one per line, or the first column of a CSV (such as org.csv) under its header."""
    rows = [line.split(",")[0].strip().strip('"') for line in path.read_text(encoding="utf-8-sig").splitlines()]
    if rows and rows[0].lower() in ("name", "unit", "单位", "单位名称"):
        rows = rows[1:]
    return [r for r in rows if r]


def _check_one(path: Path, imported: ImportResult | NotAReport, previous, names: AreaNames, area: str) -> dict:
    if isinstance(imported, NotAReport):
        return {"file": str(path), "error": str(imported)}
    findings = check_imported(imported, previous, other_units=names, area=area)
    return {**imported.report.to_dict(), "file": str(path), "findings": [f.to_dict() for f in findings]}


def _check_summary(results: list[dict]) -> str:
    findings = [f for r in results for f in r.get("findings", [])]
    return render_template(
        "cli/check.txt.j2",
        results=results,
        error_count=sum(f["level"] == "error" for f in findings),
        warning_count=sum(f["level"] == "warning" for f in findings),
        unreadable=sum("error" in r for r in results),
    )


RENDERERS: dict[str, Callable] = {
    "txt": render_text,
    "html": render_html,
    "docx": render_docx,
    "pdf": render_pdf,
    "json": lambda report: report.to_json(),
}
SIGNED_FORMATS = ("txt", "html", "docx", "pdf")  # the layouts that print a 落款
_CHINESE_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")  # as the 落款 prints it


def run_render(args: argparse.Namespace) -> int:
    if args.handed_in and args.format not in SIGNED_FORMATS:
        print(text("cli", "handed_in_no_signature", form=args.format), file=sys.stderr)
        return EXIT_UNREADABLE
    handed_in = _handed_in_day(args.handed_in) if args.handed_in else None
    if isinstance(handed_in, str):
        print(handed_in, file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        imported: ImportResult = import_report(args.input)
    except NotAReport as exc:
        print(text("cli", "file_problem", file=args.input, problem=exc), file=sys.stderr)
        return EXIT_UNREADABLE
    problem = _handed_in_problem(handed_in, imported, args.input)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_UNREADABLE
    signed = {"submitted_on": handed_in} if handed_in else {}
    output = RENDERERS[args.format](imported.report, **signed)
    if args.output:
        target = Path(args.output)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(output if isinstance(output, bytes) else output.encode("utf-8"))
    elif isinstance(output, bytes):
        sys.stdout.buffer.write(output)
    else:
        sys.stdout.write(output)
    return EXIT_OK


def _handed_in_day(value: str) -> date | str:
    """The day of --handed-in, or what is wrong with it (said in Chinese, as every message of the command)."""
    written = _CHINESE_DATE.fullmatch(value.strip())
    try:
        if written:
            return date(*map(int, written.groups()))
        return date.fromisoformat(value.strip())
    except ValueError:
        return text("cli", "handed_in_bad", text=value)


def _handed_in_problem(day: date | None, imported: ImportResult, name: str) -> str:
    """Why the 落款 cannot carry this day: a report is handed in after its year ends, and signed by a named unit."""
    if day is None:
        return ""
    report = imported.report
    if report.year and day.year <= report.year:
        return text("cli", "handed_in_too_early", day=day, year=report.year)
    if not report.unit:
        return text("cli", "handed_in_unsigned", file=name)
    return ""


# Subcommands of the bot's edge (serve, chat, db, org, …) register themselves here.
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []

def _register_edge_commands(commands: argparse._SubParsersAction) -> None:
    from handlers.commands import register

    register(commands)


EXTRA_COMMANDS.append(_register_edge_commands)


if __name__ == "__main__":
    raise SystemExit(main())
