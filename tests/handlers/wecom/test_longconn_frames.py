"""The long connection's pure parts: which frames become which Incoming, the backoff, its settings, the routing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from handlers.config import DEFAULT_GATEWAY_URL, SettingsError, load_settings
from handlers.wecom.longconn.channel import frame_to_incoming
from handlers.wecom.longconn.client import Timing
from storage import Store
from tests.handlers.test_config import GOOD

NOW = datetime(2025, 1, 10, 2, 0, tzinfo=UTC)


def callback(msgtype: str, **fields) -> dict:
    body = {"msgid": "m1", "aibotid": "aib1", "chattype": "single", "from": {"userid": "alice"},
            "create_time": 1736474400, "msgtype": msgtype, **fields}
    return {"cmd": "aibot_msg_callback", "headers": {"req_id": "r1"}, "body": body}


def test_text_voice_and_mixed_become_typed_text_with_the_msgid_as_dedup_key() -> None:
    text = frame_to_incoming(callback("text", text={"content": "3"}), NOW)
    assert (text.user_id, text.kind, text.text, text.message_id) == ("alice", "text", "3", "m1")
    assert text.time == datetime.fromtimestamp(1736474400, tz=UTC)
    assert frame_to_incoming(callback("voice", voice={"content": "没有收到申请"}), NOW).text == "没有收到申请"
    mixed = callback("mixed", mixed={"msg_item": [{"msgtype": "text", "text": {"content": "行政许可"}},
                                                  {"msgtype": "image", "image": {"url": "u"}},
                                                  {"msgtype": "text", "text": {"content": "12"}}]})
    assert frame_to_incoming(mixed, NOW).text == "行政许可\n12"


def test_events_map_to_the_engines_kinds_and_the_rest_is_not_answered() -> None:
    enter = callback("event", event={"eventtype": "enter_chat"})
    assert frame_to_incoming(enter, NOW).kind == "enter_agent"
    tap = frame_to_incoming(callback("event", event={"eventtype": "template_card_event", "event_key": "yes"}), NOW)
    assert (tap.kind, tap.event_key) == ("card", "yes")
    assert frame_to_incoming(callback("event", event={"eventtype": "feedback_event"}), NOW) is None
    assert frame_to_incoming(callback("text", chattype="group", text={"content": "1"}), NOW) is None
    assert frame_to_incoming({"cmd": "aibot_msg_callback", "body": "broken"}, NOW) is None
    assert frame_to_incoming(callback("image", image={"url": "u", "aeskey": "k"}), NOW).kind == "other"
    no_time = callback("text", text={"content": "1"})
    del no_time["body"]["create_time"]
    assert frame_to_incoming(no_time, NOW).time == NOW


def test_the_backoff_doubles_from_one_second_to_at_most_thirty() -> None:
    assert [Timing().backoff(n) for n in range(1, 8)] == [1, 2, 4, 8, 16, 30, 30]
    assert Timing().backoff(10_000) == 30


def test_the_long_connection_settings_come_together_or_not_at_all() -> None:
    assert not load_settings(GOOD).long_connection
    settings = load_settings({**GOOD, "WECOM_BOT_ID": "aib1", "WECOM_BOT_SECRET": "s"})
    assert settings.long_connection and settings.gateway_url == DEFAULT_GATEWAY_URL
    assert "'s'" not in repr(settings)
    with pytest.raises(SettingsError) as missing:
        load_settings({**GOOD, "WECOM_BOT_ID": "aib1"})
    assert missing.value.variable == "WECOM_BOT_SECRET"
    with pytest.raises(SettingsError) as bad:
        load_settings({**GOOD, "WECOM_BOT_ID": "a", "WECOM_BOT_SECRET": "s", "WECOM_GATEWAY_URL": "https://x"})
    assert bad.value.variable == "WECOM_GATEWAY_URL" and "WECOM_GATEWAY_URL" in str(bad.value)


def test_the_bot_alone_needs_none_of_the_apps_settings_but_half_an_app_is_refused() -> None:
    alone = {"NIANBAO_PUBLIC_URL": GOOD["NIANBAO_PUBLIC_URL"], "NIANBAO_SECRET_KEY": GOOD["NIANBAO_SECRET_KEY"],
             "WECOM_BOT_ID": "aib1", "WECOM_BOT_SECRET": "s"}
    settings = load_settings(alone)
    assert settings.long_connection and not settings.app_channel
    assert load_settings({**GOOD, **alone}).app_channel
    with pytest.raises(SettingsError) as half:
        load_settings({**alone, "WECOM_CORP_ID": "ww1"})
    assert half.value.variable == "WECOM_AGENT_ID"
    with pytest.raises(SettingsError) as neither:
        load_settings({k: v for k, v in alone.items() if not k.startswith("WECOM_BOT")})
    assert neither.value.variable == "WECOM_CORP_ID"


def test_each_user_is_reached_over_the_channel_they_last_wrote_through(tmp_path: Path) -> None:
    with Store.open(tmp_path / "n.db") as store:
        assert store.channels_of(["alice", "bob"]) == {"alice": "app", "bob": "app"}
        store.note_channel("alice", "longconn", NOW)
        store.note_channel("alice", "longconn", NOW)
        assert store.channels_of(["alice", "bob"]) == {"alice": "longconn", "bob": "app"}
        store.note_channel("alice", "app", NOW)
        assert store.channels_of(["alice"]) == {"alice": "app"}
        many = [f"u{n}" for n in range(1200)]  # more than SQLite's parameters in one query
        assert set(store.channels_of(many).values()) == {"app"}
        with pytest.raises(ValueError):
            store.note_channel("alice", "sms", NOW)  # type: ignore[arg-type]
