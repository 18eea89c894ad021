"""A clerk typing on a phone's Latin keys writes 其他的, 都没有了 where another writes 其他的，都没有了: every reader of
"nothing" (drafting.says_nothing_more, drafting.says_none_of) reads the two alike, as it reads them without the pause.
Before, says_nothing_more kept the Latin comma and drafted 其他的，都没有了 as a note."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.dialog import prose
from bot.drafting import clean_note, says_none_of, says_nothing_more

LATIN = str.maketrans("，；", ",;")
SUBJECTS = ("申请", "复议", "诉讼")


@pytest.mark.parametrize("said", ["其他的，都没有了", "没有，别的了", "别的，也没有什么要说的", "其他情况，也没有了"])
def test_a_statement_of_nothing_with_a_latin_comma_is_nothing_to_every_reader(said: str) -> None:
    typed = said.translate(LATIN)
    assert typed != said and says_nothing_more(typed) and says_nothing_more(said)
    assert clean_note(typed) == clean_note(said) == ""
    assert prose.read_offer_reply(typed) == prose.read_offer_reply(said) == "nothing"


def test_none_of_the_subjects_with_a_latin_comma_is_none_of_them() -> None:
    assert says_none_of("没有申请，复议和诉讼".translate(LATIN), SUBJECTS)
    assert says_none_of("没有申请, 复议和诉讼", SUBJECTS)


# the words of the nothing readings, the subjects and the pauses between them, in any order
_WORDS = st.lists(st.sampled_from("其他 别的 的 都 也 没有 无 了 就这些 什么 要说 申请 复议 和 情况 均 ， ； , ; 。".split()),
                  max_size=7).map("".join)


@settings(max_examples=400, deadline=None)
@given(_WORDS)
def test_every_nothing_reading_reads_a_latin_pause_as_the_chinese_one(said: str) -> None:
    typed = said.translate(LATIN)
    assert says_nothing_more(typed) == says_nothing_more(said)
    assert says_none_of(typed, SUBJECTS) == says_none_of(said, SUBJECTS)
    assert clean_note(typed) == clean_note(said)
