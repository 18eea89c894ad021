"""A platform note said aloud at 1.5 is drafted with what was set up and where: 县里的网站上有个专栏 → 在县政府网站设置专栏
and 公开栏也弄了 → 设置公开栏, never “公开栏也弄了，依托县里的网站上有个专栏做好信息公开” (QA round 29)."""

from __future__ import annotations

from .test_dialog_facts_list import at, draft_part


def test_a_column_on_the_countys_site_said_aloud_is_set_up_on_the_county_governments_site() -> None:
    draft = draft_part(at("1.5", "镇").send("县里的网站上有个专栏，公众号每周更新 公开栏也弄了"))
    assert "在县政府网站设置专栏" in draft and "设置公开栏" in draft, draft
    assert not any(w in draft for w in ("县里", "有个", "弄了", "依托")), draft
