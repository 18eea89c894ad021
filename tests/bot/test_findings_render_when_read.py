"""Issue 10: a finding's message is rendered when it is read, not when the rule finds it."""

from __future__ import annotations

import pytest

from bot import messages
from bot.findings import Finding, Joined, later
from bot.formats import GOV2021
from bot.report import Report
from bot.rules import check_report


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    text = messages.text

    def counted(room: str, name: str, /, **context: object) -> str:
        calls.append(f"{room}.{name}")
        return text(room, name, **context)

    monkeypatch.setattr(messages, "text", counted)
    return calls


def half_filled() -> Report:
    """A draft in the middle of the conversation: half the cells typed, no prose."""
    cells = {c: 0 for c in GOV2021.cell_ids[: len(GOV2021.cell_ids) // 2]}
    return Report("永清县刘街乡", "乡", 2024, cells)


def test_checking_a_draft_renders_no_sentence(rendered: list[str]) -> None:
    found = check_report(half_filled())
    assert len([f for f in found if f.rule == "R5"]) > 10
    assert rendered == [] and not any(f.rendered for f in found)


def test_reading_a_message_renders_that_finding_only(rendered: list[str]) -> None:
    found = check_report(half_filled())
    first = next(f for f in found if f.rule == "R5")
    assert "未填" in first.message and "没有发生的请填 0" in first.message
    count = len(rendered)
    assert count >= 3  # the row's sentence, each cell's part, the advice
    assert first.message == first.message and len(rendered) == count  # rendered once, then kept
    assert sum(f.rendered for f in found) == 1


def test_a_finding_compares_by_its_rendered_message() -> None:
    lazy = Finding("R14", "warning", ("s5.problems",), later("rules", "five_empty"))
    plain = Finding("R14", "warning", ("s5.problems",), messages.text("rules", "five_empty"))
    assert lazy == plain and hash(lazy) == hash(plain)
    assert lazy.to_dict()["message"].startswith("五、存在的主要问题")
    with pytest.raises(AttributeError):
        lazy.rule = "R1"  # type: ignore[misc]


def test_joined_parts_render_in_order() -> None:
    parts = Joined("，", [later("rules", "cell_missing", column="甲", value=""), "乙为空"])
    finding = Finding("R5", "error", (), later("rules", "cell_values", table="表二", row="规章", problems=parts,
                                               advice=""))
    assert finding.message.startswith("表二「规章」行：「甲」未填，乙为空。")
