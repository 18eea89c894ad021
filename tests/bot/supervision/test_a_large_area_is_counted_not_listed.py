"""汇总, 未完成 and 逾期 of a city name the first units to chase and count the rest: thousands of names are no reading on
a phone (and dozens of messages); 导出 lists them all."""

from __future__ import annotations

from bot.supervision import AreaView, supervisor_command
from bot.supervision.summary import PENDING_SHOWN

from .helpers import CAMPAIGN, TZ, at, many_units


def test_the_first_units_are_named_and_the_rest_counted() -> None:
    units = many_units(3000)
    pending = [u for u in units if u.status not in ("submitted", "approved")]
    area = AreaView("祥符区", CAMPAIGN, units)
    for command in ("汇总", "未完成"):
        text = "\n".join(r.text for r in supervisor_command(command, "supervisor", area, at(20), TZ).replies)
        assert f"另有{len(pending) - PENDING_SHOWN}个单位未逐一列出" in text, command
        assert "【已退回】" in text  # the units to chase first are the ones named
        assert sum(text.count(name) for name in ("街道", "乡", "镇")) < 3 * PENDING_SHOWN


def test_a_county_is_listed_whole() -> None:
    area = AreaView("祥符区", CAMPAIGN, many_units(40))
    text = "\n".join(r.text for r in supervisor_command("未完成", "supervisor", area, at(20), TZ).replies)
    assert "未逐一列出" not in text
