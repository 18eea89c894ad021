"""Commands that read a whole area are a job's work, not a message's: 汇总表 always, 汇总/未完成/逾期 of a large area.
The message answers at once that the result follows; the job answers exactly what the message would have."""

from __future__ import annotations

from pathlib import Path

import pytest

import handlers.jobs.area_commands as area_commands
from bot.incoming import Reply
from handlers.jobs.area_commands import answer_in_child
from storage import Store
from tests.handlers.test_supervisor import NOW, TZ, say, store  # noqa: F401 — the fixture


def _deferred(replies: list[Reply]) -> list[Reply]:
    return [r for r in replies if r.deferred is not None]


def test_a_small_areas_summary_is_answered_in_the_message(store: Store) -> None:  # noqa: F811
    replies = say(store, "supA", "汇总")
    assert "共3个单位" in replies[0].text and not _deferred(replies)


@pytest.mark.parametrize("text", ["汇总", "未完成", "逾期", "进度"])
def test_a_large_areas_summary_is_a_job_that_answers_as_the_message_would(
        store: Store, monkeypatch: pytest.MonkeyPatch, text: str) -> None:  # noqa: F811
    in_message = [r.text for r in say(store, "supA", text)]
    monkeypatch.setattr(area_commands, "LARGE_AREA", 2)
    replies = say(store, "supA", text)
    assert "共3个单位" in replies[0].text and "随即发送" in replies[0].text
    (job,) = _deferred(replies)
    assert job.deferred is not None and job.deferred.kind == "area_command"
    from_job = answer_in_child(str(store.path), "supA", job.deferred.args["text"], job.deferred.args["at"],
                               job.deferred.args["tz"])
    assert [r.text for r in from_job] == in_message


def test_the_rollup_is_always_a_job(store: Store, tmp_path: Path) -> None:  # noqa: F811
    replies = say(store, "supA", "汇总表 含已提交")
    assert "正在汇总" in replies[0].text
    (job,) = _deferred(replies)
    assert job.deferred is not None
    from_job = answer_in_child(str(store.path), "supA", job.deferred.args["text"], NOW.isoformat(), TZ.key)
    assert "A区汇总（1个单位，含已提交待审报告）" in from_job[0].text
    assert from_job[-1].kind == "file" and from_job[-1].file_bytes[:2] == b"PK"
    assert store.report("柳园口乡", 2025).status == "submitted"  # the job only read  # type: ignore[union-attr]


def test_staff_still_get_the_refusal_for_the_rollup(store: Store) -> None:  # noqa: F811
    (reply,) = say(store, "bei", "汇总表 含已提交")
    assert "仅供审核人员使用" in reply.text and reply.deferred is None
