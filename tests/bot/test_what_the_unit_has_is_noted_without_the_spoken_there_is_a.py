"""A clerk names what the unit has as they would say it: 还有个视频号叫城关之声, 另外还有个微信群, 有一个便民服务站.
The note is the thing itself (an account the unit has is the one it runs), never a stray 个 or 1个 left of 有个; 个别
is no count. After a space, 还有 begins the next point instead of joining the list before it."""

from __future__ import annotations

import pytest

from bot.dialog.prose import read_statements
from bot.drafting.wording import clean_note


@pytest.mark.parametrize(("typed", "noted"), [
    ("还有个视频号叫城关之声", "运营视频号“城关之声”"),
    ("我们还有个视频号叫城关之声", "运营视频号“城关之声”"),
    ("另外还有个微信群", "微信群"),
    ("有个公开栏", "公开栏"),
    ("有一个公开栏", "公开栏"),
    ("还有一个便民服务站", "便民服务站"),
    ("有个人管这个", "明确专人负责"),
    ("有个别村更新不及时", "有个别村更新不及时"),
])
def test_the_thing_the_unit_has_is_the_note(typed: str, noted: str) -> None:
    assert clean_note(typed) == noted


def test_a_point_begun_with_haiyou_after_a_space_is_a_point_of_its_own() -> None:
    kept, refused = read_statements("网站 公开栏 还有个视频号叫城关之声", False)
    assert (kept, refused) == (["网站、公开栏", "运营视频号“城关之声”"], [])
    assert read_statements("政府网站 公众号 公开栏", False)[0] == ["政府网站、公众号、公开栏"]
