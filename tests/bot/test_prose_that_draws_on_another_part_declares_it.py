"""Which parts a draft draws on besides its own facts is the format's declaration (Question.draws_on), checked against
the drafting: a part declared is a prose question, and a drafter that reads another part's facts (the opening of 一
reads 主动公开's channels) declares that part — else a paragraph taken as drafted would not follow its changes."""

from __future__ import annotations

from bot.drafting import draft_paragraph
from bot.formats import GOV2021
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice

PROSE = {q.code: q for q in GOV2021.questions if q.kind == "prose"}


def test_every_part_drawn_on_is_a_prose_question() -> None:
    drawn = [(q.code, code) for q in PROSE.values() for code in q.draws_on]
    assert drawn and all(code in PROSE and code != own for own, code in drawn)


def test_a_draft_that_reads_another_parts_facts_declares_it() -> None:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    said = voice("青山乡人民政府", "乡", 2025)
    for q in PROSE.values():
        for other in PROSE.values():
            if other is q:
                continue
            known = {other.drafter: "政府网站信息公开专栏 56 条，政务公众号 120 条"}
            alone = draft_paragraph(q.drafter, "", report, said)
            with_other = draft_paragraph(q.drafter, "", report, said, known=known)
            assert alone == with_other or other.code in q.draws_on, (q.code, other.code)
