"""1.5 answered with the platforms alone, an account by its name (网站 公众号青山发布): the account's quoted name had
hidden that it is a carrier, and the paragraph printed 我乡不断完善政府信息公开平台，网站、公众号“青山发布”，便于… — a list
with no verb. Carriers named alone are where the unit publishes."""

from __future__ import annotations

import pytest

from .test_dialog_facts_list import at, draft_part


@pytest.mark.parametrize("typed", ["网站 公众号青山发布", "公众号“青山发布”、网站"])
def test_platforms_named_alone_are_drafted_with_a_verb(typed: str) -> None:
    draft = draft_part(at("1.5", "镇").send(typed))
    assert "“青山发布”" in draft and "平台，网站" not in draft and "平台，公众号" not in draft, draft
    assert any(verb in draft for verb in ("依托", "利用", "通过", "运营")), draft
