"""Every user-facing sentence lives in a template, reached through `bot.messages`.

An AST scan of the code: a string constant holding a Chinese sentence (Chinese characters and Chinese punctuation)
fails the test unless it is a docstring, a regular expression, the format declaration (bot/formats/) or the messages
module itself. Then the macro files: every macro renders through `bot.messages.text`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot import messages

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "handlers", "storage", "templates")
ALLOWED = (ROOT / "bot" / "formats", ROOT / "bot" / "messages.py")
CJK = re.compile(r"[\u4e00-\u9fff]")
PUNCTUATION = re.compile(r"[，。；：！？]")
REGEX_FUNCTIONS = frozenset({"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"})


def _is_sentence(value: object) -> bool:
    return isinstance(value, str) and bool(CJK.search(value)) and bool(PUNCTUATION.search(value))


def _documentation(tree: ast.AST) -> set[int]:
    """Docstrings and other bare string statements: read by developers, never said to a user."""
    return {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant | ast.JoinedStr)
        for part in ast.walk(node.value)
    }


def _regular_expressions(tree: ast.AST) -> set[int]:
    """The pattern of every `re.<function>(...)` call, and the strings assigned to names that a pattern uses."""
    patterns = [
        node.args[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and node.args
        and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "re" and node.func.attr in REGEX_FUNCTIONS
    ]
    names = {n.id for p in patterns for n in ast.walk(p) if isinstance(n, ast.Name)}
    pieces = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in names for t in node.targets)
    ]
    return {id(n) for root in patterns + pieces for n in ast.walk(root) if isinstance(n, ast.Constant)}


def sentences_in(source: str) -> list[tuple[int, str]]:
    """(line, text) of each Chinese sentence in `source` that is neither documentation nor a regular expression."""
    tree = ast.parse(source)
    skip = _documentation(tree) | _regular_expressions(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and id(node) not in skip and _is_sentence(node.value)
    ]


def _code_files() -> list[Path]:
    files = [p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))]
    return [p for p in files if not any(p == a or a in p.parents for a in ALLOWED)]


def test_the_scan_finds_a_sentence_and_spares_docstrings_and_patterns() -> None:
    source = '''
"""模块说明：这是文档。"""
import re
_WORD = r"[^，。]{2,5}镇"
PATTERN = re.compile(rf"^(?:{_WORD})：$")
def f(name):
    """函数说明：这也是文档。"""
    return f"已保存{name}的报告，请核对。"
'''
    assert [text for _, text in sentences_in(source)] == ["的报告，请核对。"]


def test_no_sentence_outside_templates_and_the_messages_module() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path in _code_files()
        for line, text in sentences_in(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "move these sentences into templates/messages/*.j2 (through bot.messages):\n" + "\n".join(found)


CALL = re.compile(r'\btext\(\s*"(\w+)",\s*"(\w+)"')


def test_every_sentence_the_code_asks_for_exists() -> None:
    calls = {m.groups() for path in _code_files() for m in CALL.finditer(path.read_text(encoding="utf-8"))}
    assert len(calls) > 50  # the scan itself works
    missing = sorted(f"{room}.{name}" for room, name in calls if not hasattr(messages._room(room), name))
    assert missing == []


def test_text_keeps_exact_wording() -> None:
    assert messages.text("rules", "sum_detail_zero", count=21) == "这 21 项均为 0。"
    assert messages.text("cli", "finding", level="error", rule="R1", message="…") == "  [错误] R1：…"
    assert messages.text("settings", "missing", name="WECOM_TOKEN") == (
        "缺少配置项 WECOM_TOKEN，请在环境变量或 .env 文件中设置"
    )
    with pytest.raises(AttributeError):
        messages.text("rules", "no_such_macro")
