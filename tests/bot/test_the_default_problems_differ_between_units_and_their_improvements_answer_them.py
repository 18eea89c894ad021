"""默认 at 5.1 drafts problems common to such reports, not one sentence every unit of a county hands in alike (an
evaluator marks copy-identical 问题/改进 first); 5.2's default improvements answer the very problems 5.1 drafted."""

from __future__ import annotations

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived

from .draft_samples import voice

UNITS = (("城关镇人民政府", "镇"), ("青山乡人民政府", "乡"), ("示范县教育局", "县级部门"), ("东城街道办事处", "街道"))
ANSWERS = {"深度和广度": "拓展公开内容", "及时性": "确保信息及时发布", "业务能力": "加强业务培训"}


def defaults(unit: str, kind: str) -> tuple[str, str]:
    report = with_derived(empty_report(unit, kind, 2025))
    return tuple(draft_paragraph(part, [], report, voice(unit, kind, 2025)) for part in ("s5.problems", "s5.improvements"))


def test_units_replying_default_do_not_all_hand_in_the_same_problems() -> None:
    problems = {defaults(unit, kind)[0].split("，", 1)[1] for unit, kind in UNITS}
    assert len(problems) > 1, problems


def test_the_default_improvements_answer_the_default_problems() -> None:
    for unit, kind in UNITS:
        problems, improvements = defaults(unit, kind)
        [answer] = [a for p, a in ANSWERS.items() if p in problems]
        assert answer in improvements, (unit, problems, improvements)
