from __future__ import annotations

import asyncio

import aiohttp
import pytest

from handlers.wecom.api import TRANSPORT_ERRCODE, WeComAPI, WeComAPIError
from tests.handlers.standin_fixtures import AGENT, CORP, SECRET, FakeClock, RunningStandIn


@pytest.fixture
def api(session: aiohttp.ClientSession, wecom: RunningStandIn, clock: FakeClock) -> WeComAPI:
    return WeComAPI(session, wecom.url, CORP, SECRET, AGENT, clock=clock)


async def test_send_text_is_delivered(api: WeComAPI, wecom: RunningStandIn) -> None:
    result = await api.send_text(["zhangsan", "lisi"], "您好，年报草稿已生成。")
    assert result["errcode"] == 0 and result["msgid"]
    for user in ("zhangsan", "lisi"):
        [item] = wecom.standin.outbox(user)
        assert item["msgtype"] == "text" and item["text"] == "您好，年报草稿已生成。"


async def test_concurrent_sends_share_one_token(api: WeComAPI, wecom: RunningStandIn) -> None:
    results = await asyncio.gather(*(api.send_text([f"user{i}"], f"第{i}条") for i in range(20)))
    assert all(r["errcode"] == 0 for r in results)
    assert wecom.standin.gettoken_calls == 1 and api.token_fetches == 1


async def test_token_is_renewed_before_it_expires(
    api: WeComAPI, wecom: RunningStandIn, clock: FakeClock
) -> None:
    await api.send_text(["u"], "一")
    clock.advance(7200 - 299)  # inside the 300 s margin: renewed without a failed call
    await api.send_text(["u"], "二")
    assert wecom.standin.gettoken_calls == 2
    assert wecom.standin.send_calls == 2


async def test_expired_token_is_refreshed_once_and_the_call_retried(
    api: WeComAPI, wecom: RunningStandIn
) -> None:
    await api.send_text(["u"], "一")
    wecom.standin.expire_tokens()  # WeCom expired it early: our cache still believes in it
    await api.send_text(["u"], "二")
    assert wecom.standin.gettoken_calls == 2
    assert [m["text"] for m in wecom.standin.outbox("u")] == ["一", "二"]


@pytest.mark.parametrize("kind,errcode", [("token_expired", 42001)])
async def test_injected_token_error_is_retried_once(
    api: WeComAPI, wecom: RunningStandIn, kind: str, errcode: int
) -> None:
    await api.send_text(["u"], "一")
    wecom.standin.fail_next(1, kind)
    await api.send_text(["u"], "二")
    assert wecom.standin.gettoken_calls == 2 and len(wecom.standin.outbox("u")) == 2
    # twice in a row: refreshed once only, then the error surfaces
    wecom.standin.fail_next(2, kind)
    with pytest.raises(WeComAPIError) as caught:
        await api.send_text(["u"], "三")
    assert caught.value.errcode == errcode and wecom.standin.gettoken_calls == 3


async def test_concurrent_token_failures_refresh_once(api: WeComAPI, wecom: RunningStandIn) -> None:
    await api.send_text(["u0"], "warm")
    wecom.standin.expire_tokens()
    await asyncio.gather(*(api.send_text([f"u{i}"], "x") for i in range(10)))
    assert wecom.standin.gettoken_calls == 2


async def test_wrong_secret_is_not_retryable(
    session: aiohttp.ClientSession, wecom: RunningStandIn, clock: FakeClock
) -> None:
    api = WeComAPI(session, wecom.url, CORP, "wrong", AGENT, clock=clock)
    with pytest.raises(WeComAPIError) as caught:
        await api.send_text(["u"], "hi")
    assert caught.value.errcode == 40001 and not caught.value.retryable
    assert wecom.standin.gettoken_calls == 1


@pytest.mark.parametrize(
    "kind,errcode,retryable",
    [("http500", TRANSPORT_ERRCODE, True), ("busy", -1, True)],
)
async def test_errors_are_classified(
    api: WeComAPI, wecom: RunningStandIn, kind: str, errcode: int, retryable: bool
) -> None:
    await api.access_token()
    wecom.standin.fail_next(1, kind)
    with pytest.raises(WeComAPIError) as caught:
        await api.send_text(["u"], "hi")
    assert (caught.value.errcode, caught.value.retryable) == (errcode, retryable)
    assert wecom.standin.outbox("u") == []
    await api.send_text(["u"], "hi")  # the fault is spent; no sleep inside the client
    assert len(wecom.standin.outbox("u")) == 1


async def test_frequency_errcodes_are_retryable_and_others_not() -> None:
    from handlers.wecom.api import _checked

    for errcode, retryable in [
        (45009, True),
        (45033, True),
        (-1, True),
        (40003, False),
        (81013, False),
        (301002, False),
        (40001, False),
    ]:
        with pytest.raises(WeComAPIError) as caught:
            _checked({"errcode": errcode, "errmsg": "x"})
        assert caught.value.retryable is retryable, errcode


async def test_network_error_is_retryable(session: aiohttp.ClientSession, clock: FakeClock) -> None:
    api = WeComAPI(session, "http://127.0.0.1:9", CORP, SECRET, AGENT, clock=clock, timeout=2)
    with pytest.raises(WeComAPIError) as caught:
        await api.send_text(["u"], "hi")
    assert caught.value.retryable and caught.value.errcode == TRANSPORT_ERRCODE


async def test_wecom_errcodes_surface(
    api: WeComAPI, wecom: RunningStandIn, session: aiohttp.ClientSession, clock: FakeClock
) -> None:
    other_agent = WeComAPI(session, wecom.url, CORP, SECRET, AGENT + 1, clock=clock)
    with pytest.raises(WeComAPIError) as caught:
        await other_agent.send_text(["u"], "hi")
    assert caught.value.errcode == 301002 and not caught.value.retryable
    with pytest.raises(WeComAPIError) as caught:
        await api.send_file(["u"], "no-such-media")
    assert caught.value.errcode == 40007


async def test_text_limits_are_checked_before_sending(api: WeComAPI, wecom: RunningStandIn) -> None:
    await api.send_text(["u"], "字" * 682 + "ab")  # exactly 2048 bytes
    with pytest.raises(ValueError):
        await api.send_text(["u"], "字" * 683)  # 2049 bytes
    with pytest.raises(ValueError):
        await api.send_text(["u"], "")
    with pytest.raises(ValueError):
        await api.send_text([f"u{i}" for i in range(1001)], "hi")
    with pytest.raises(ValueError):
        await api.send_text("zhangsan", "hi")  # type: ignore[arg-type]
    assert wecom.standin.send_calls == 1


async def test_thousand_recipients_joined_with_bars(api: WeComAPI, wecom: RunningStandIn) -> None:
    users = [f"u{i}" for i in range(1000)]
    await api.send_text(users, "通知")
    assert all(len(wecom.standin.outbox(u)) == 1 for u in (users[0], users[999]))


async def test_textcard(api: WeComAPI, wecom: RunningStandIn) -> None:
    await api.send_textcard(
        ["u"], "2023年度报告草稿", '<div class="normal">请核对</div>', "https://x.example/r/1", "查看"
    )
    [card] = wecom.standin.outbox("u")
    assert (
        card["msgtype"] == "textcard" and card["btntxt"] == "查看" and card["url"] == "https://x.example/r/1"
    )
    with pytest.raises(ValueError):
        await api.send_textcard(["u"], "标" * 43, "d", "https://x")  # 129 bytes of title


async def test_upload_then_get_media_returns_the_same_bytes(api: WeComAPI, wecom: RunningStandIn) -> None:
    data = bytes(range(256)) * 4000  # ~1 MB, binary
    media_id = await api.upload_media("2023年政府信息公开工作年度报告.docx", data)
    name, got = await api.get_media(media_id)
    assert got == data and name == "2023年政府信息公开工作年度报告.docx"
    await api.send_file(["u"], media_id)
    [item] = wecom.standin.outbox("u")
    assert item["file_name"] == "2023年政府信息公开工作年度报告.docx" and item["size"] == len(data)


async def test_get_media_of_a_user_file(api: WeComAPI, wecom: RunningStandIn) -> None:
    media_id = wecom.standin.add_user_file("去年的年报.txt", "一、总体情况\n".encode())
    assert await api.get_media(media_id) == ("去年的年报.txt", "一、总体情况\n".encode())


async def test_get_media_errors_are_json(api: WeComAPI, clock: FakeClock) -> None:
    with pytest.raises(WeComAPIError) as caught:
        await api.get_media("unknown")
    assert caught.value.errcode == 40007 and not caught.value.retryable


async def test_media_expires_after_three_days(api: WeComAPI, wecom: RunningStandIn, clock: FakeClock) -> None:
    media_id = await api.upload_media("a.txt", b"hello world")
    clock.advance(3 * 24 * 3600 + 1)
    with pytest.raises(WeComAPIError) as caught:
        await api.get_media(media_id)
    assert caught.value.errcode == 40007


async def test_media_size_limits(api: WeComAPI) -> None:
    with pytest.raises(ValueError):
        await api.upload_media("tiny.txt", b"12345")
    with pytest.raises(ValueError):
        await api.upload_media("huge.bin", b"\0" * (20 * 1024 * 1024 + 1))


async def test_upload_after_token_expiry_resends_the_whole_file(api: WeComAPI, wecom: RunningStandIn) -> None:
    await api.access_token()
    wecom.standin.expire_tokens()
    media_id = await api.upload_media("b.txt", b"second try works")
    assert wecom.standin.media_bytes(media_id) == b"second try works"
