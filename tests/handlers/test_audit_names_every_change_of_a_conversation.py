"""The engine tells storage which cells and slots a message changed (the dialog step compared them already), so a
save does not compare the whole report again: the audit must still name exactly what changed, no more, no less."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.incoming import Incoming
from handlers.conversation import NianbaoEngine
from storage import Store, Unit, User
from storage.reports import report_changes
from tests.e2e.clerk import Clerk
from tests.e2e.test_conversation import seed


async def test_every_message_audits_exactly_the_cells_and_slots_it_changed(tmp_path: Path) -> None:
    target = seed(4)
    engine = NianbaoEngine(ZoneInfo("Asia/Shanghai"))
    start = datetime(2025, 1, 10, 2, tzinfo=UTC)
    with Store.open(tmp_path / "audit.db") as store:
        store.save_unit(Unit(target.unit, target.unit_kind, "示范县"))
        store.save_user(User("clerk", "王芳", "staff", target.unit, "示范县"))
        user = store.user("clerk")
        assert user is not None
        checked = 0

        class Direct:
            async def say(self, userid: str, text: str) -> str:
                nonlocal checked
                now = start + timedelta(minutes=checked)
                before = store.report(target.unit, 2024)
                audited = len(store.audit_log(target.unit, 2024)) if before else 0
                with store.transaction():
                    replies = engine(store, user, Incoming(userid, "text", now, text=text), now)
                after = store.report(target.unit, 2024)
                assert after is not None
                expected = [(c.field, c.old, c.new)
                            for c in report_changes(before.report if before else None, after.report)]
                rows = store.audit_log(target.unit, 2024)[audited:]
                assert [(r["field"], r["old_value"], r["new_value"]) for r in rows if r["field"] != "status"] == \
                    expected, text
                checked += 1
                return replies[0].text if replies else ""

        clerk = Clerk(Direct(), "clerk", target)  # type: ignore[arg-type]
        await clerk.fill_and_submit()
        assert checked > 20
