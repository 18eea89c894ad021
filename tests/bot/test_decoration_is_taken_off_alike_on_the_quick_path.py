"""Most messages are ASCII, CJK and their punctuation only: they skip the character-by-character look for decoration.
The quick path must keep exactly what the slow one keeps."""

from __future__ import annotations

import pytest

from bot import spoken


def _slow(text: str) -> str:
    kept = "".join(ch for ch in text if not spoken.is_decoration(ch)).strip()
    return kept or text


def test_no_character_the_quick_path_lets_through_is_decoration() -> None:
    for code in range(0x110000):
        ch = chr(code)
        if spoken._PLAIN_TEXT.fullmatch(ch):
            assert not spoken.is_decoration(ch), hex(code)


@pytest.mark.parametrize("text", [
    "是的😊", "帮助🙏", "12件👍", "👍", "  你好，我是小王 ２０２４年。 ", "二○二五年", "a^b`c", "〄网站", "䷀", "\u3000是\u3000",
    "网站56条\n公众号120条\t", "“先审查、后公开”——制度", "～～好的～～", "",
])
def test_the_quick_path_keeps_what_the_slow_one_keeps(text: str) -> None:
    assert spoken.without_decoration(text) == _slow(text)
