"""结转 alone names two rows of table 三: 二、上年结转 (carried into this year) and 四、结转下年度 (carried into the next).
The help had answered 结转是啥 with 上年结转 only, as 结转 ends that name; it asks back which one is meant, and explains
the one named in full."""

from __future__ import annotations

import pytest

from .dialog_helpers import asked_back_at

AT_FIRST_QUESTION = ("你好",)


@pytest.mark.parametrize("asked", ["结转是啥", "结转是什么意思", "啥叫结转"])
def test_jiezhuan_alone_is_asked_back_which_carry_is_meant(asked: str) -> None:
    reply = asked_back_at(AT_FIRST_QUESTION, "2.1", asked)
    assert "「上年结转」" in reply and "「结转下年度」" in reply and "哪一项" in reply, reply


@pytest.mark.parametrize(("asked", "explained", "other"), [
    ("上年结转是啥", "「上年结转」", "「结转下年度」"),
    ("结转下年度是什么意思", "「结转下年度」", "「上年结转」"),
])
def test_a_carry_named_in_full_is_explained(asked: str, explained: str, other: str) -> None:
    reply = asked_back_at(AT_FIRST_QUESTION, "2.1", asked)
    assert explained in reply and other not in reply.split("指")[0] and "哪一项" not in reply, reply
