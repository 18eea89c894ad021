"""A clerk's message changes their report of the year being filled in, and so what next year's is checked against;
the figures of their earlier years stay stored (each one forgotten is a report the figures task checks again)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.incoming import Incoming
from bot.report import Report
from handlers.conversation import NianbaoEngine
from storage import Store, Unit, User
from tests.storage.test_report_figures import COMPUTED, figures

UNIT = "册井镇人民政府"
NOW = datetime(2026, 1, 10, 2, tzinfo=UTC)  # the 2025 report is being filled in


def test_a_message_forgets_this_years_and_next_years_figures_only(tmp_path) -> None:
    engine = NianbaoEngine(ZoneInfo("Asia/Shanghai"))
    with Store.open(tmp_path / "figures.db") as store:
        store.save_unit(Unit(UNIT, "镇", "永清县"))
        store.save_user(User("clerk", "张三", "staff", UNIT, "永清县"))
        for year in (2023, 2024, 2025, 2026):
            store.save_report(Report(UNIT, "镇", year, {"t2.regulations.issued": 1}), "import", NOW)
        store.save_figures([(UNIT, year, COMPUTED) for year in (2023, 2024, 2025, 2026)])
        clerk = store.user("clerk")
        for n, text in enumerate(("你好", "0 0 0")):
            with store.transaction():
                engine(store, clerk, Incoming("clerk", "text", NOW, text=text, message_id=str(n)), NOW)
        assert [figures(store, UNIT, year)["progress"] is None for year in (2023, 2024, 2025, 2026)] == \
            [False, False, True, True]
