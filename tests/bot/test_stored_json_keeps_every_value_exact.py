"""A report and a conversation state are stored as compact JSON (`bot.jsontext`, orjson where it is exact): every
value comes back as it was, however large the number a clerk typed."""

from __future__ import annotations

import json
from decimal import Decimal

from bot import jsontext
from bot.report import Report
from tests.e2e.test_conversation import seed


def test_a_whole_report_comes_back_as_it_was_stored() -> None:
    report = seed(4)
    report.cells["t3.new.legal"] = None
    stored = report.to_json(indent=None)
    assert Report.from_json(stored) == report
    assert json.loads(stored) == json.loads(report.to_json())  # compact and indented say the same


def test_numbers_beyond_64_bits_amounts_and_blanks_come_back_exactly() -> None:
    huge = 123456789012345678901234567890
    report = Report("永清县刘街乡", "乡", 2024, {"t2.fees": Decimal("0.5"), "t3.new.natural": huge,
                                              "t3.new.legal": None, "t2.license": Decimal("12")})
    again = Report.from_json(report.to_json(indent=None))
    assert again.cells == {"t2.fees": Decimal("0.5"), "t3.new.natural": huge, "t3.new.legal": None,
                           "t2.license": 12}
    assert jsontext.loads(jsontext.dumps({"n": [huge, -huge, 2**63, 1.5e300]})) == {"n": [huge, -huge, 2**63, 1.5e300]}


def test_what_only_the_standard_library_writes_or_reads_still_works() -> None:
    assert jsontext.dumps({1: "甲", "s": "\ud800"}) == json.dumps({1: "甲", "s": "\ud800"}, ensure_ascii=False,
                                                                  separators=(",", ":"))
    assert jsontext.loads('{"x": NaN}')["x"] != jsontext.loads('{"x": NaN}')["x"]  # NaN, read as before
    assert jsontext.dumps({"上年": "结转"}) == '{"上年":"结转"}'  # characters as they are, no \\u escapes


def test_bytes_read_back_every_integer_exactly_and_long_digit_strings_as_they_were() -> None:
    values = {"n": [123456789012345678901234567890, -(2**63) - 1, 2**64, 2**63, 1.5e300, 1e19],
              "id": "身份证号 1234567890123456789", "few": [1, 2, 3]}
    again = jsontext.loads(jsontext.dumps_bytes(values))
    assert again == values
    assert [type(v) for v in again["n"]] == [int, int, int, int, float, float]
