from __future__ import annotations

import aiohttp
import pytest
from aiohttp import web

from handlers.wecom.api import WeComAPI, WeComAPIError
from handlers.wecom.standin import create_standin_app, mount_standin, standin_of
from tests.handlers.standin_fixtures import (
    AGENT,
    CORP,
    SECRET,
    FakeClock,
    RunningStandIn,
    running_app,
    running_standin,
)


async def _token(session: aiohttp.ClientSession, url: str) -> str:
    async with session.get(f"{url}/cgi-bin/gettoken", params={"corpid": CORP, "corpsecret": SECRET}) as r:
        body = await r.json()
    assert body["errcode"] == 0 and body["expires_in"] > 0
    return body["access_token"]


async def _send(session: aiohttp.ClientSession, url: str, token: str | None, payload: object) -> dict:
    params = {"access_token": token} if token else {}
    async with session.post(f"{url}/cgi-bin/message/send", params=params, json=payload) as r:
        assert r.status == 200
        return await r.json()


def _text(touser: str, content: str, agentid: int = AGENT) -> dict:
    return {"touser": touser, "msgtype": "text", "agentid": agentid, "text": {"content": content}}


@pytest.mark.parametrize(
    "params,errcode",
    [
        ({"corpid": CORP, "corpsecret": "nope"}, 40001),
        ({"corpid": "wwother", "corpsecret": SECRET}, 40013),
        ({"corpid": CORP}, 41004),
        ({"corpsecret": SECRET}, 41002),
    ],
)
async def test_gettoken_errors(
    session: aiohttp.ClientSession, wecom: RunningStandIn, params: dict, errcode: int
) -> None:
    async with session.get(f"{wecom.url}/cgi-bin/gettoken", params=params) as r:
        assert (await r.json())["errcode"] == errcode


async def test_token_checks(session: aiohttp.ClientSession, wecom: RunningStandIn, clock: FakeClock) -> None:
    assert (await _send(session, wecom.url, None, _text("u", "hi")))["errcode"] == 41001
    assert (await _send(session, wecom.url, "forged", _text("u", "hi")))["errcode"] == 40014
    token = await _token(session, wecom.url)
    assert (await _send(session, wecom.url, token, _text("u", "hi")))["errcode"] == 0
    clock.advance(7199)
    assert (await _send(session, wecom.url, token, _text("u", "hi")))["errcode"] == 0
    clock.advance(1)
    assert (await _send(session, wecom.url, token, _text("u", "hi")))["errcode"] == 42001


@pytest.mark.parametrize(
    "payload,errcode",
    [
        (_text("u", "字" * 683), 45002),  # 2049 bytes: WeCom would cut it; the stand-in refuses
        (_text("u", ""), 44004),
        (_text("u", "hi", agentid=AGENT + 1), 301002),
        ({"touser": "u", "msgtype": "text", "text": {"content": "hi"}}, 41011),
        ({"touser": "u", "msgtype": "markdown", "agentid": AGENT, "markdown": {"content": "x"}}, 40008),
        (_text("|".join(f"u{i}" for i in range(1001)), "hi"), 40032),
        ({"touser": "u", "msgtype": "file", "agentid": AGENT, "file": {"media_id": "nope"}}, 40007),
        (
            {
                "touser": "u",
                "msgtype": "textcard",
                "agentid": AGENT,
                "textcard": {"title": "t" * 129, "description": "d", "url": "https://x"},
            },
            45003,
        ),
        (
            {
                "touser": "u",
                "msgtype": "textcard",
                "agentid": AGENT,
                "textcard": {"title": "t", "url": "https://x"},
            },
            40035,
        ),
    ],
)
async def test_message_send_validation(
    session: aiohttp.ClientSession, wecom: RunningStandIn, payload: dict, errcode: int
) -> None:
    token = await _token(session, wecom.url)
    assert (await _send(session, wecom.url, token, payload))["errcode"] == errcode
    assert wecom.standin.all_outboxes() == {}


async def test_exactly_2048_bytes_is_accepted(session: aiohttp.ClientSession, wecom: RunningStandIn) -> None:
    token = await _token(session, wecom.url)
    assert (await _send(session, wecom.url, token, _text("u", "字" * 682 + "ab")))["errcode"] == 0


async def test_unknown_users(session: aiohttp.ClientSession, clock: FakeClock) -> None:
    async with running_standin(clock, known_users=frozenset({"a", "b"})) as wecom:
        token = await _token(session, wecom.url)
        result = await _send(session, wecom.url, token, _text("a|ghost|b", "hi"))
        assert result["errcode"] == 0 and result["invaliduser"] == "ghost"
        assert (await _send(session, wecom.url, token, _text("ghost", "hi")))["errcode"] == 81013


async def test_thirty_a_minute_per_member_then_silent_drops(
    session: aiohttp.ClientSession, wecom: RunningStandIn, clock: FakeClock
) -> None:
    token = await _token(session, wecom.url)
    for i in range(35):
        result = await _send(session, wecom.url, token, _text("busy|calm" if i == 0 else "busy", f"第{i}条"))
        assert result["errcode"] == 0  # WeCom does not tell
    assert len(wecom.standin.outbox("busy")) == 30 and wecom.standin.dropped("busy") == 5
    assert wecom.standin.dropped("calm") == 0 and len(wecom.standin.outbox("calm")) == 1
    clock.advance(60)
    await _send(session, wecom.url, token, _text("busy", "一分钟后"))
    assert wecom.standin.outbox("busy")[-1]["text"] == "一分钟后"


async def test_thousand_an_hour_per_member(session: aiohttp.ClientSession, clock: FakeClock) -> None:
    async with running_standin(clock, token_ttl=10**6) as wecom:
        token = await _token(session, wecom.url)
        for _ in range(34):  # 34 minutes × 30 = 1020 attempts
            for _ in range(30):
                await _send(session, wecom.url, token, _text("u", "x"))
            clock.advance(61)
        assert len(wecom.standin.outbox("u")) == 1000 and wecom.standin.dropped("u") == 20


async def test_outbox_endpoint_and_file_download(
    session: aiohttp.ClientSession, wecom: RunningStandIn, clock: FakeClock
) -> None:
    api = WeComAPI(session, wecom.url, CORP, SECRET, AGENT, clock=clock)
    await api.send_text(["zhangsan"], "您好")
    media_id = await api.upload_media("报告.docx", b"PK\x03\x04 docx bytes")
    await api.send_file(["zhangsan"], media_id)
    async with session.get(f"{wecom.url}/_standin/outbox", params={"touser": "zhangsan"}) as r:
        items = await r.json()
    assert [i["msgtype"] for i in items] == ["text", "file"]
    assert items[1]["file_name"] == "报告.docx" and items[1]["size"] == len(b"PK\x03\x04 docx bytes")
    async with session.get(wecom.url + items[1]["download"]) as r:
        assert await r.read() == b"PK\x03\x04 docx bytes"
    async with session.get(f"{wecom.url}/_standin/outbox", params={"touser": "nobody"}) as r:
        assert await r.json() == []
    async with session.get(f"{wecom.url}/_standin/stats") as r:
        stats = await r.json()
    assert stats["gettoken_calls"] == 1 and stats["send_calls"] == 2


async def test_user_file_endpoint(
    session: aiohttp.ClientSession, wecom: RunningStandIn, clock: FakeClock
) -> None:
    async with session.post(
        f"{wecom.url}/_standin/user_file", params={"name": "上年年报.txt"}, data="一、总体情况".encode()
    ) as r:
        media_id = (await r.json())["media_id"]
    api = WeComAPI(session, wecom.url, CORP, SECRET, AGENT, clock=clock)
    assert await api.get_media(media_id) == ("上年年报.txt", "一、总体情况".encode())
    async with session.post(f"{wecom.url}/_standin/user_file", data=b"x") as r:
        assert r.status == 400


async def test_upload_validation(session: aiohttp.ClientSession, wecom: RunningStandIn) -> None:
    token = await _token(session, wecom.url)

    async def upload(media_type: str, data: bytes, field: str = "media") -> dict:
        form = aiohttp.FormData()
        form.add_field(field, data, filename="a.bin")
        async with session.post(
            f"{wecom.url}/cgi-bin/media/upload", params={"access_token": token, "type": media_type}, data=form
        ) as r:
            return await r.json()

    assert (await upload("file", b"12345"))["errcode"] == 40006
    assert (await upload("pdf", b"123456"))["errcode"] == 40005
    assert (await upload("file", b"123456", field="other"))["errcode"] == 41005
    ok = await upload("file", b"123456")
    assert ok["errcode"] == 0 and ok["type"] == "file" and ok["media_id"]


async def test_fault_injection_counts_down(session: aiohttp.ClientSession, wecom: RunningStandIn) -> None:
    token = await _token(session, wecom.url)
    wecom.standin.fail_next(2, "http500")
    for _ in range(2):
        async with session.post(
            f"{wecom.url}/cgi-bin/message/send", params={"access_token": token}, json=_text("u", "x")
        ) as r:
            assert r.status == 500
    assert (await _send(session, wecom.url, token, _text("u", "x")))["errcode"] == 0
    with pytest.raises(ValueError):
        wecom.standin.fail_next(1, "meteor")


async def test_mounted_under_another_app(session: aiohttp.ClientSession, clock: FakeClock) -> None:
    parent = web.Application()

    async def healthz(request: web.Request) -> web.Response:
        return web.Response(text="ok")

    parent.router.add_get("/healthz", healthz)
    standin_app = create_standin_app(CORP, SECRET, AGENT, clock=clock)
    mount_standin(parent, standin_app)
    async with running_app(parent) as url:
        api = WeComAPI(session, f"{url}/wecom-api", CORP, SECRET, AGENT, clock=clock)
        media_id = await api.upload_media("年报.docx", b"0123456789" * 200_000)  # 2 MB > parent's 1 MiB limit
        await api.send_file(["u"], media_id)
        async with session.get(f"{url}/wecom-api/_standin/outbox", params={"touser": "u"}) as r:
            [item] = await r.json()
        assert item["download"].startswith("/wecom-api/_standin/media/")
        async with session.get(url + item["download"]) as r:
            assert len(await r.read()) == 2_000_000
        async with session.get(f"{url}/healthz") as r:
            assert await r.text() == "ok"
    assert standin_of(standin_app).outbox("u")[0]["size"] == 2_000_000


async def test_wrong_corp_token_cannot_send(
    session: aiohttp.ClientSession, wecom: RunningStandIn, clock: FakeClock
) -> None:
    api = WeComAPI(session, wecom.url, "wwother", SECRET, AGENT, clock=clock)
    with pytest.raises(WeComAPIError) as caught:
        await api.send_text(["u"], "hi")
    assert caught.value.errcode == 40013
