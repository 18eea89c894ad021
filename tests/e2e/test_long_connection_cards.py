"""Issue 13, taps: over the long-connection stand-in, a question with fixed answers comes as a template card; a tap
is read as typing the option, the card then shows the choice, a tap on a stale card changes nothing, a tap WeCom
delivers twice counts once — and a clerk fills seed 004 by taps and typing while the supervisor approves by taps."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.importers import import_bytes, import_report
from handlers.wecom.gateway_standin import Shown
from storage import Store, Unit, User
from tests.conftest import seed_path
from tests.e2e.clerk import CODE, Clerk, _question
from tests.e2e.longconn import BotServer, running_bot
from tests.e2e.servers import eventually
from tests.handlers.standin_fixtures import RunningStandIn

YEAR_NOW = 2025


def organisation(tmp_path: Path) -> tuple[Path, object]:
    target = import_report(seed_path(4)).report
    db = tmp_path / "nianbao.db"
    with Store.open(db) as store:
        store.save_unit(Unit(target.unit, target.unit_kind, "示范县"))
        store.save_user(User("clerk", "王芳", "staff", target.unit, "示范县"))
        store.save_user(User("boss", "赵科长", "supervisor", None, "示范县"))
    return db, target


async def card_for(bot: BotServer, user: str, code: str, timeout: float = 10.0) -> Shown:
    """The newest card shown to `user` that asks question `code` (it follows the question's text)."""
    def found() -> Shown | None:
        cards = [c for c in bot.gateway.cards(user) if f"【{code}】" in c.card["main_title"]["title"]]
        return cards[-1] if cards else None
    return await eventually(found, timeout=timeout)


async def tap(bot: BotServer, user: str, card: Shown, key: str = "", selected: list[str] | None = None) -> str:
    """Tap and wait for the answer (it comes through aibot_send_msg: the tap's own req_id updates the card)."""
    before = len(bot.gateway.texts(user))
    await bot.gateway.user_taps(user, card.card["task_id"], key, selected)
    await eventually(lambda: len(bot.gateway.texts(user)) > before, timeout=15)
    return "\n".join(bot.gateway.texts(user)[before:])


@dataclass
class TappingClerk(Clerk):
    """The scripted clerk, tapping wherever a card asks the question (gates, result kinds, drafts) and typing the
    rest; `taps` counts the taps."""

    taps: int = 0

    async def say(self, text: str) -> str:
        bot: BotServer = self.server  # type: ignore[assignment]
        asked = self.transcript[-1][1] if self.transcript else ""
        codes = CODE.findall(asked)
        card = None
        if codes and (_question(codes[-1]).kind in ("gate", "menu") or "回复1采用" in asked):
            card = await card_for(bot, self.userid, codes[-1])  # it follows the question's text
            if card.card["task_id"] in bot.gateway.updates:
                card = None
        keys = {b["key"] for b in (card.card.get("button_list") or [])} if card else set()
        options = {o["id"] for o in ((card.card.get("checkbox") or {}).get("option_list") or [])} if card else set()
        word = "采用" if text == "1" and "采用" in keys else text
        if card is not None and (word in keys or (options and set(text.split()) <= options)):
            reply = await (tap(bot, self.userid, card, word) if word in keys
                           else tap(bot, self.userid, card, "submit", text.split()))
            self.taps += 1
            self.sent += 1
            self.transcript.append((f"[tap] {text}", reply))
            return reply
        return await super().say(text)


async def test_a_gate_comes_as_a_card_a_tap_answers_it_and_a_stale_tap_changes_nothing(tmp_path: Path,
                                                                                      wecom: RunningStandIn):
    db, _ = organisation(tmp_path)
    async with running_bot(db, wecom.url) as bot:
        for answer in ("你好", "0 0 0", "0 0 0", "0 0 0", "0"):
            asked = await bot.say("clerk", answer)
        assert asked and "【3.1】" in asked
        card = await card_for(bot, "clerk", "3.1")
        assert [b["key"] for b in card.card["button_list"]] == ["是", "否"]
        assert "“是”或“否”" in card.card["sub_title_text"]  # the typed fallback, on the card itself
        reply = await tap(bot, "clerk", card, "否")
        assert "【4.1】" in reply, reply  # 否 recorded: table 三 skipped, on to table 四
        await eventually(lambda: card.card["main_title"]["title"] == "已选择：否")  # the tapped card now says so
        report = bot.store.report(bot.store.units()[0].name, YEAR_NOW)
        assert report is not None and report.report.cells["t3.new.person"] == 0
        log_before = bot.store.message_log("clerk")
        stale = await tap(bot, "clerk", card, "是")  # the conversation moved on: the old card is stale
        assert "已过期" in stale and "未作任何改动" in stale, stale
        after = bot.store.report(bot.store.units()[0].name, YEAR_NOW)
        assert after is not None and after.report.cells == report.report.cells
        assert len(bot.store.message_log("clerk")) == len(log_before)  # no answer recorded


async def test_result_kinds_are_ticked_on_a_multi_select_card(tmp_path: Path, wecom: RunningStandIn):
    db, _ = organisation(tmp_path)
    async with running_bot(db, wecom.url) as bot:
        for answer in ("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "3 0 0 0 0 0", "无"):
            asked = await bot.say("clerk", answer)
        assert asked and "【3.4】" in asked, asked
        card = await card_for(bot, "clerk", "3.4")
        assert card.card["card_type"] == "vote_interaction" and card.card["checkbox"]["mode"] == 1
        assert len(card.card["checkbox"]["option_list"]) == 20 and "21 其他处理·其他" in card.card["main_title"]["desc"]
        nothing = await tap(bot, "clerk", card, "submit", [])
        assert "还没有勾选" in nothing
        reply = await tap(bot, "clerk", card, "submit", ["1", "2"])
        assert "予以公开" in reply and "部分公开" in reply and "【3.5】" in reply, reply
        await eventually(lambda: card.card["main_title"]["title"] == "已选择：1 予以公开、2 部分公开")


async def test_a_tap_delivered_twice_counts_once(tmp_path: Path, wecom: RunningStandIn):
    db, _ = organisation(tmp_path)
    async with running_bot(db, wecom.url) as bot:
        for answer in ("你好", "0 0 0", "0 0 0", "0 0 0", "0"):
            await bot.say("clerk", answer)
        card = await card_for(bot, "clerk", "3.1")
        before = len(bot.gateway.texts("clerk"))
        msgid = await bot.gateway.user_taps("clerk", card.card["task_id"], "否")
        await eventually(lambda: len(bot.gateway.texts("clerk")) > before)
        await bot.gateway.redeliver(msgid)
        await bot.gateway.drop()  # and once more after a reconnect
        await eventually(lambda: len(bot.gateway.subscribed_at) == 2)
        await bot.gateway.redeliver(msgid)
        await eventually(lambda: bot.gateway.cards("clerk")[-1].card["main_title"]["title"].startswith("【4.1】"))
        texts = bot.gateway.texts("clerk")[before:]
        assert len(texts) == 1 and "【4.1】" in texts[0], texts  # answered once
        assert [row["text"] for row in bot.store.message_log("clerk")].count("否") == 1  # recorded once


async def test_a_clerk_fills_seed_004_by_taps_and_typing_and_the_supervisor_approves_by_taps(tmp_path: Path,
                                                                                           wecom: RunningStandIn):
    db, target = organisation(tmp_path)
    async with running_bot(db, wecom.url) as bot:
        assert await bot.say("boss", "帮助")  # the supervisor uses the 智能机器人 too
        clerk = TappingClerk(bot, "clerk", target)  # type: ignore[arg-type]
        reply = await clerk.fill_and_submit()
        assert clerk.taps >= 10, clerk.taps  # gates, result kinds and every draft were tapped
        stored = bot.store.report(target.unit, YEAR_NOW)
        assert stored is not None and stored.status == "submitted"
        assert stored.report.cells == target.cells, "taps and typing fill the same report as typing alone"
        assert "已提交" in reply
        [word] = await eventually(lambda: bot.gateway.files("clerk"), timeout=30)  # the Word file
        assert import_bytes(word.data, word.file_name).report.cells == target.cells
        page = await eventually(lambda: [t for t in bot.gateway.texts("clerk") if "（网页版）" in t])
        assert len(page) == 1 and "http://127.0.0.1:8080/" in page[0]  # the report page's card
        before = len(bot.gateway.texts("clerk"))
        whole = await bot.say("clerk", "全文")  # and the text itself, in parts after this reply
        assert whole and "条消息随后发送" in whole, whole
        parts = await eventually(lambda: bot.gateway.texts("clerk")[before + 1:], timeout=15)
        await eventually(lambda: "一、总体情况" in "\n".join(bot.gateway.texts("clerk")[before + 1:]), timeout=15)
        assert parts
        notice = await eventually(lambda: [t for t in bot.gateway.texts("boss") if "【报告提交】" in t])
        assert len(notice) == 1
        review = await eventually(lambda: [c for c in bot.gateway.cards("boss") if "待审核" in
                                           c.card["main_title"]["title"]])
        asked = await tap(bot, "boss", review[0], f"通过 {target.unit} {YEAR_NOW}")
        assert "请确认" in asked, asked
        confirm = await eventually(lambda: [c for c in bot.gateway.cards("boss") if "确认通过" in
                                            c.card["main_title"]["title"]])
        done = await tap(bot, "boss", confirm[0], "确认")
        assert "通过" in done, done
        approved = bot.store.report(target.unit, YEAR_NOW)
        assert approved is not None and approved.status == "approved"
        stale = await tap(bot, "boss", review[0], f"退回 {target.unit} {YEAR_NOW}")  # the notice is stale now
        assert bot.store.report(target.unit, YEAR_NOW).status == "approved", stale
