"""`half_width` (one str.translate) turns exactly the full-width digits and Latin letters into ASCII, as NFKC
does, and leaves every other character, full-width punctuation included, as it is."""

from __future__ import annotations

import unicodedata

from bot.drafting.wording import half_width


def _one_by_one(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", ch) if ch.isalnum() and "\uff10" <= ch <= "\uff5a" else ch
                   for ch in text)


def test_every_character_is_turned_as_nfkc_would_or_kept() -> None:
    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    assert half_width(every) == _one_by_one(every)


def test_a_clerks_mixed_line() -> None:
    assert half_width("培训２次，网站ＡＰＰ１２０条。（含：公开栏）") == "培训2次，网站APP120条。（含：公开栏）"
