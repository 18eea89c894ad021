"""A PDF's text outside its drawn tables is read as lines, and a line that fills the width runs on into the next one
(a paragraph wrapped by the page). The heading 四、政府信息公开行政复议、行政诉讼情况 printed full width above table 四
ran on into 五、存在的主要问题及改进情况 printed under the table: one paragraph, and section 四 had no table (the city
report's Word file with table 三's header repeated, tests/repeated_header_word.py … three)."""

from __future__ import annotations

from pathlib import Path

from bot.importers import import_report, read_blocks
from bot.importers.blocks import Paragraph

PDF = Path(__file__).parents[1] / "fixtures" / "corpus" / "huaian_2024_three_header_rows.pdf"


def test_table_four_under_a_full_width_heading_is_read() -> None:
    cells = import_report(PDF).report.cells
    assert [cells[f"t4.review.{c}"] for c in ("upheld", "corrected", "other", "pending", "total")] == [72, 64, 178, 37,
                                                                                                       351]


def test_the_headings_above_and_under_the_table_are_two_paragraphs() -> None:
    texts = [b.text for b in read_blocks(PDF.read_bytes(), PDF.name) if isinstance(b, Paragraph)]
    assert "四、政府信息公开行政复议、行政诉讼情况" in texts
    assert any(t.startswith("五、存在的主要问题及改进情况") for t in texts)
