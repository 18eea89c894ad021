"""A report that prints what was done about last year's problems as the first part of 五 (“（一）上年度问题整改情况”,
before “（二）存在的主要问题” and “（三）改进情况”) is read with it in 五（二）改进情况, where the bot drafts it, and
its problems in 五（一）: it had been read as the first problem, with its heading, and offered again as such."""

from __future__ import annotations

from bot.importers import import_bytes
from tests.conftest import seed_path

_FIVE = """五、存在的主要问题及改进情况

（一）上年度问题整改情况

针对上年度报告指出的信息更新不及时问题，我乡已安排专人每周更新网站。

（二）存在的主要问题

一是政府信息公开时效性不高；二是公开标准化、规范化程度有待加强。

（三）改进情况

一是提高政务公开时效性；二是加强学习培训，提升业务水平。

"""


def _with_five(five: str) -> dict[str, str]:
    text = seed_path(4).read_text(encoding="utf-8")
    at = text.index("五、存在的主要问题及改进情况")
    six = text.index("六、其他需要报告的事项")
    return import_bytes((text[:at] + five + text[six:]).encode(), "report.txt").report.text


def test_the_handling_of_last_years_problems_printed_first_is_read_as_the_improvements() -> None:
    text = _with_five(_FIVE)
    assert text["s5.problems"] == "一是政府信息公开时效性不高；二是公开标准化、规范化程度有待加强。"
    assert text["s5.improvements"] == ("针对上年度报告指出的信息更新不及时问题，我乡已安排专人每周更新网站。\n"
                                       "一是提高政务公开时效性；二是加强学习培训，提升业务水平。")
    assert "未收取" in text["s6.other"]


def test_the_handling_said_inside_the_improvements_stays_there() -> None:
    five = ("五、存在的主要问题及改进情况\n\n（一）存在的主要问题：一是时效性不高。\n\n"
            "（二）改进情况：上年度问题整改情况：已安排专人每周更新网站。下一步，加强学习培训。\n\n")
    text = _with_five(five)
    assert text["s5.problems"] == "一是时效性不高。"
    assert text["s5.improvements"] == "上年度问题整改情况：已安排专人每周更新网站。下一步，加强学习培训。"
