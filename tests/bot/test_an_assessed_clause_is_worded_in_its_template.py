"""The clause an assessment's result said aloud is drafted as (在县年度考核中政务公开工作获评优秀) is published prose: it is
worded in templates/drafts/assessed.j2, as every printed sentence is, never joined from Chinese pieces in Python
(bot/spoken.py's `_assessed` had built it in an f-string). The words it drafts are unchanged
(test_an_assessment_result_said_aloud_is_drafted_in_written_words)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import templates
from bot import spoken

from ..test_messages import _regular_expressions

CJK = re.compile(r"[\u3400-\u9fff]")


def chinese_joined_in_python(source: str) -> list[str]:
    """The f-strings of `source` that join Chinese words, its regular expressions left out."""
    tree = ast.parse(source)
    patterns = _regular_expressions(tree)
    return [ast.unparse(node) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
            and any(isinstance(v, ast.Constant) and id(v) not in patterns and CJK.search(str(v.value))
                    for v in node.values)]


def test_the_spoken_words_module_joins_no_chinese_clause_of_its_own() -> None:
    assert chinese_joined_in_python(Path(spoken.__file__).read_text(encoding="utf-8")) == []


def test_the_assessed_clause_comes_from_its_template() -> None:
    clause = templates.render("drafts/assessed.j2", who="区", said_year=False, what="政务公开", kind="考核",
                              topic="", grade="第一", named=False).strip()
    assert clause == "在区级政务公开考核中位列第一"
    assert spoken.ASSESSED[0].sub(spoken.ASSESSED[1], "区里政务公开考核得了第一") == clause
