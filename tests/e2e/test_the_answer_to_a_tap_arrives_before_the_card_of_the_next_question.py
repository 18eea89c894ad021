"""A card tap's answer goes through the API (the request itself answers with the card's update). Its text was queued
after the rest, once the request was answered: the next question's card reached the phone before the text that asks
that question. Everything the tap is answered with goes out in order."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.e2e.servers import eventually, make_settings, running_server
from tests.e2e.test_app_cards import organisation, reach_the_gate
from tests.handlers.standin_fixtures import FakeClock, running_standin


async def test_the_text_asking_the_next_question_arrives_before_its_card(tmp_path: Path) -> None:
    settings = replace(make_settings(organisation(tmp_path), ""), cards=True)
    async with running_standin(FakeClock()) as wecom, \
            running_server(replace(settings, api_base=wecom.url)) as server:
        await reach_the_gate(server)
        [card] = await eventually(lambda: [m for m in wecom.standin.outbox("clerk") if m["msgtype"] == "template_card"])
        before = len(wecom.standin.outbox("clerk"))
        await server.post(server.peer.card("clerk", "否", card["card"]["task_id"]))

        def answered() -> list[dict]:
            sent = wecom.standin.outbox("clerk")[before:]
            return sent if len(sent) >= 2 and server.store.next_outbox_time() is None else []

        sent = await eventually(answered)
        assert [m["msgtype"] for m in sent] == ["text", "template_card"], sent
        assert "【4.1】是否有复议诉讼（第" in sent[0]["text"], sent[0]
        assert sent[1]["card"]["main_title"]["title"] == "【4.1】是否有复议诉讼", sent[1]
