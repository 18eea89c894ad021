from __future__ import annotations

import struct
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wechatpy.enterprise.crypto import WeChatCrypto

from handlers.wecom import crypto as wecom_crypto
from handlers.wecom.crypto import (
    MAX_BODY_BYTES,
    CallbackCrypto,
    CallbackError,
    ForeignMessage,
    MalformedMessage,
    MessageTooLarge,
    SignatureMismatch,
    StaleTimestamp,
    parse_xml,
    text_reply_xml,
    to_incoming,
    update_button_reply_xml,
)
from handlers.wecom.peer import CallbackRequest, WeComPeer

TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo"
AES_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt"
CORP = "ww1436e0e65a779aee"
AGENT = 1000002
NOW = 1_700_000_000.0


@pytest.fixture
def crypto() -> CallbackCrypto:
    return CallbackCrypto(TOKEN, AES_KEY, CORP, agent_id=AGENT, window_seconds=300)


@pytest.fixture
def peer() -> WeComPeer:
    return WeComPeer(TOKEN, AES_KEY, CORP, AGENT)


def decrypt(
    crypto: CallbackCrypto, request: CallbackRequest, now: float = NOW, body: bytes | None = None
) -> dict:
    q = request.query
    return crypto.decrypt(
        request.body if body is None else body, q["msg_signature"], q["timestamp"], q["nonce"], now
    )


# -- the official vector ------------------------------------------------------------------------------------------


def test_official_url_verification_vector() -> None:
    crypto = CallbackCrypto(TOKEN, AES_KEY, CORP)
    echostr = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA=="
    answer = crypto.verify_url(
        "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683", echostr, now=1476416373
    )
    assert answer == "1288432023552776189"
    # the same request an hour later is a replay from outside the window
    with pytest.raises(StaleTimestamp):
        crypto.verify_url(
            "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb",
            "1476416373",
            "47744683",
            echostr,
            now=1476416373 + 3600,
        )
    # '+' turned into ' ' by a careless query decoder still verifies
    assert (
        crypto.verify_url(
            "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb",
            "1476416373",
            "47744683",
            echostr.replace("+", " "),
            now=1476416373,
        )
        == "1288432023552776189"
    )


def test_peer_url_verification_round_trip(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    q = peer.verify_url_query("5927782489442352469", now=NOW)
    assert (
        crypto.verify_url(q["msg_signature"], q["timestamp"], q["nonce"], q["echostr"], NOW)
        == "5927782489442352469"
    )
    with pytest.raises(SignatureMismatch):
        crypto.verify_url("0" * 40, q["timestamp"], q["nonce"], q["echostr"], NOW)


# -- round trips for every kind -----------------------------------------------------------------------------------


def test_text_round_trip(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    request = peer.text("zhangsan", "第一项 3 件]]>，<b>全角１２</b>", msg_id="1234567890123456", now=NOW)
    message = decrypt(crypto, request)
    assert message["Content"] == "第一项 3 件]]>，<b>全角１２</b>"
    incoming = to_incoming(message)
    assert (incoming.user_id, incoming.kind, incoming.message_id) == ("zhangsan", "text", "1234567890123456")
    assert incoming.text == "第一项 3 件]]>，<b>全角１２</b>"
    assert incoming.time == datetime.fromtimestamp(NOW, tz=UTC)


def test_enter_agent_and_click_round_trip(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    enter = to_incoming(decrypt(crypto, peer.enter_agent("lisi", now=NOW)))
    assert (enter.kind, enter.user_id) == ("enter_agent", "lisi")
    click = to_incoming(decrypt(crypto, peer.click("lisi", "MENU_REPORT", now=NOW)))
    assert (click.kind, click.event_key) == ("click", "MENU_REPORT")
    # events are keyed by user + CreateTime + Event (+ key): the same event retried keeps its id
    again = to_incoming(decrypt(crypto, peer.click("lisi", "MENU_REPORT", now=NOW)))
    assert again.message_id == click.message_id != enter.message_id
    later = to_incoming(decrypt(crypto, peer.click("lisi", "MENU_REPORT", now=NOW + 1)))
    assert later.message_id != click.message_id


def test_file_round_trip(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    message = decrypt(crypto, peer.file("wangwu", "MEDIA123", "2023年报.docx", size=2048, now=NOW))
    incoming = to_incoming(message)
    assert (incoming.kind, incoming.media_id, incoming.file_name) == ("file", "MEDIA123", "2023年报.docx")
    assert incoming.message_id == message["MsgId"]


def test_card_round_trip(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    button = to_incoming(decrypt(crypto, peer.card("zhaoliu", "gate_yes", "task-1", now=NOW)))
    assert (button.kind, button.event_key, button.text) == ("card", "gate_yes", "")
    vote = peer.card(
        "zhaoliu",
        "submit",
        "task-2",
        card_type="multiple_interaction",
        selected={"kinds": ["a", "c"], "fees": ["none"]},
        now=NOW,
    )
    incoming = to_incoming(decrypt(crypto, vote))
    assert incoming.kind == "card" and incoming.text == "kinds=a,c\nfees=none"
    assert incoming.message_id != button.message_id


def test_other_message_kinds_are_other(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    image = peer.message("u1", {"MsgType": "image", "MediaId": "m", "MsgId": "99"}, now=NOW)
    assert to_incoming(decrypt(crypto, image)).kind == "other"
    event = peer.event("u1", "location", now=NOW)
    assert to_incoming(decrypt(crypto, event)).kind == "other"


def test_bad_create_time_is_malformed() -> None:
    with pytest.raises(MalformedMessage):
        to_incoming({"FromUserName": "u", "MsgType": "text", "CreateTime": "soon"})


# -- refusals -----------------------------------------------------------------------------------------------------


def test_refusals_carry_http_status() -> None:
    assert SignatureMismatch.status == StaleTimestamp.status == ForeignMessage.status == 403
    assert MalformedMessage.status == MessageTooLarge.status == 400
    for error in (SignatureMismatch, StaleTimestamp, ForeignMessage, MalformedMessage, MessageTooLarge):
        assert issubclass(error, CallbackError)


def test_bad_signature(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    request = peer.text("u1", "hi", now=NOW)
    q = dict(request.query)
    q["msg_signature"] = "f" * 40
    with pytest.raises(SignatureMismatch):
        crypto.decrypt(request.body, q["msg_signature"], q["timestamp"], q["nonce"], NOW)
    with pytest.raises(SignatureMismatch):  # nonce is signed too
        crypto.decrypt(request.body, request.query["msg_signature"], q["timestamp"], "1", NOW)


def test_signatures_are_compared_in_constant_time(
    crypto: CallbackCrypto, peer: WeComPeer, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = wecom_crypto.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(wecom_crypto.hmac, "compare_digest", spy)
    request = peer.text("u1", "hi", now=NOW)
    decrypt(crypto, request)
    assert any(b == request.query["msg_signature"].encode() for _, b in calls)


@pytest.mark.parametrize("offset", [-301, 301, -86400, 10**9])
def test_stale_or_future_timestamp(crypto: CallbackCrypto, peer: WeComPeer, offset: int) -> None:
    request = peer.text("u1", "hi", now=NOW + offset)
    with pytest.raises(StaleTimestamp):
        decrypt(crypto, request)


def test_timestamp_at_the_window_edge_is_accepted(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    assert decrypt(crypto, peer.text("u1", "hi", now=NOW - 300))["Content"] == "hi"


def test_non_integer_timestamp(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    request = peer.text("u1", "hi", now=NOW)
    from handlers.wecom.crypto import signature

    encrypt = request.body.decode().split("<Encrypt><![CDATA[")[1].split("]]>")[0]
    sig = signature(TOKEN, "later", "1", encrypt)
    with pytest.raises(MalformedMessage):
        crypto.decrypt(request.body, sig, "later", "1", NOW)


def test_body_over_64_kib(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    request = peer.text("u1", "字" * 30000, now=NOW)  # ~90 KB of UTF-8 before encryption
    assert len(request.body) > MAX_BODY_BYTES
    with pytest.raises(MessageTooLarge):
        decrypt(crypto, request)
    # and a body just under the limit passes
    fits = peer.text("u1", "a" * 40000, now=NOW)
    assert len(fits.body) <= MAX_BODY_BYTES
    assert len(decrypt(crypto, fits)["Content"]) == 40000


BOMB = (
    '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><xml><Encrypt>&c;</Encrypt></xml>'
)


@pytest.mark.parametrize(
    "body",
    [
        BOMB,
        '<!DOCTYPE xml SYSTEM "file:///etc/passwd"><xml><Encrypt>x</Encrypt></xml>',
        '<xml><!ENTITY x "y"><Encrypt>x</Encrypt></xml>',
        "<!doctype xml><xml><Encrypt>x</Encrypt></xml>",
    ],
)
def test_dtd_or_entity_in_outer_xml(crypto: CallbackCrypto, body: str) -> None:
    with pytest.raises(MalformedMessage):
        crypto.decrypt(body.encode(), "sig", str(int(NOW)), "1", NOW)


def test_dtd_in_decrypted_inner_xml(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    inner = (
        '<!DOCTYPE xml [<!ENTITY e "boom">]><xml><FromUserName>u</FromUserName><MsgType>text</MsgType></xml>'
    )
    with pytest.raises(MalformedMessage):
        decrypt(crypto, peer.wrap(peer.encrypt(inner), now=NOW))


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not xml at all",
        b"<xml><Encrypt>abc</Encrypt>",
        b"<root><Encrypt>abc</Encrypt></root>",
        b"<xml><ToUserName>x</ToUserName></xml>",
        b"\xff\xfe<xml/>",
        b"<xml><Encrypt/></xml>",
    ],
)
def test_malformed_outer_xml(crypto: CallbackCrypto, body: bytes) -> None:
    with pytest.raises(MalformedMessage):
        crypto.decrypt(body, "sig", str(int(NOW)), "1", NOW)


def test_garbage_base64(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    for encrypt in ["!!!not base64!!!", "YWJj", "QUJDREVGR0hJSktMTU5PUA"]:  # junk, 3 bytes, no padding
        with pytest.raises(MalformedMessage):
            decrypt(crypto, peer.wrap(encrypt, now=NOW))


def _framed(xml: bytes, corp: bytes, pad: int | None = None, length: int | None = None) -> bytes:
    body = b"R" * 16 + struct.pack(">I", len(xml) if length is None else length) + xml + corp
    pad = 32 - len(body) % 32 if pad is None else pad
    return body + bytes([pad]) * pad


def test_forged_framing_is_accepted_only_when_exact(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    xml = b"<xml><FromUserName>u</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime></xml>"
    good = _framed(xml, CORP.encode())
    assert decrypt(crypto, peer.wrap(peer.encrypt_raw(good), now=NOW))["FromUserName"] == "u"


@pytest.mark.parametrize("case", ["zero-pad", "pad-over-32", "inconsistent-pad", "length-too-big", "short"])
def test_bad_padding_and_framing(crypto: CallbackCrypto, peer: WeComPeer, case: str) -> None:
    xml = b"<xml><FromUserName>u</FromUserName><MsgType>text</MsgType></xml>"
    good = _framed(xml, CORP.encode())
    forged = {
        "zero-pad": good[:-1] + b"\x00",
        "pad-over-32": good[:-1] + bytes([48]),
        "inconsistent-pad": good[:-2] + bytes([1, good[-1]]) if good[-1] > 1 else good[:-1] + b"\x02",
        "length-too-big": _framed(xml, CORP.encode(), length=10_000),
        "short": b"R" * 16 + bytes([16]) * 16,
    }[case]
    with pytest.raises(MalformedMessage):
        decrypt(crypto, peer.wrap(peer.encrypt_raw(forged), now=NOW))


def test_ciphertext_not_in_whole_blocks(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    import base64

    with pytest.raises(MalformedMessage):
        decrypt(crypto, peer.wrap(base64.b64encode(b"x" * 33).decode(), now=NOW))


def test_inner_xml_not_utf8(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    forged = _framed(b"<xml><Content>\xff\xfe</Content></xml>", CORP.encode())
    with pytest.raises(MalformedMessage):
        decrypt(crypto, peer.wrap(peer.encrypt_raw(forged), now=NOW))


def test_inner_without_sender_or_type(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    with pytest.raises(MalformedMessage):
        decrypt(crypto, peer.wrap(peer.encrypt("<xml><Content>x</Content></xml>"), now=NOW))


def test_wrong_corp_id_in_receiveid(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    other = WeComPeer(TOKEN, AES_KEY, "wwsomeoneelse00000", AGENT)
    encrypt = other.encrypt("<xml><FromUserName>u</FromUserName><MsgType>text</MsgType></xml>")
    with pytest.raises(ForeignMessage):
        decrypt(crypto, peer.wrap(encrypt, now=NOW))  # outer ToUserName is right, the receiveid is not


def test_wrong_corp_id_everywhere(crypto: CallbackCrypto) -> None:
    other = WeComPeer(TOKEN, AES_KEY, "wwsomeoneelse00000", AGENT)
    with pytest.raises(ForeignMessage):
        decrypt(crypto, other.text("u", "hi", now=NOW))


def test_wrong_agent_id_outer_and_inner(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    request = peer.text("u", "hi", now=NOW)
    outer = peer.wrap(peer.encrypt(request.inner_xml), now=NOW, agent_id=AGENT + 1)
    with pytest.raises(ForeignMessage):
        decrypt(crypto, outer)
    other_agent = WeComPeer(TOKEN, AES_KEY, CORP, AGENT + 1)
    inner_wrong = other_agent.text("u", "hi", now=NOW)
    with pytest.raises(ForeignMessage):
        decrypt(crypto, peer.wrap(peer.encrypt(inner_wrong.inner_xml), now=NOW))
    # without a configured agent id any AgentID passes
    lenient = CallbackCrypto(TOKEN, AES_KEY, CORP)
    assert decrypt(lenient, outer)["Content"] == "hi"


def test_wrong_token_or_key(peer: WeComPeer) -> None:
    request = peer.text("u", "hi", now=NOW)
    with pytest.raises(SignatureMismatch):
        decrypt(CallbackCrypto("anotherToken", AES_KEY, CORP), request)
    other_key = "A" * 43
    with pytest.raises((MalformedMessage, ForeignMessage)):
        decrypt(CallbackCrypto(TOKEN, other_key, CORP), request)


def test_bad_aes_key_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        CallbackCrypto(TOKEN, "tooshort", CORP)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bodies_only_ever_raise_callback_errors(body: bytes) -> None:
    crypto = CallbackCrypto(TOKEN, AES_KEY, CORP, agent_id=AGENT)
    try:
        crypto.decrypt(body, "sig", str(int(NOW)), "1", NOW)
    except CallbackError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.binary(min_size=1, max_size=200).map(lambda b: b + bytes(-len(b) % 16)))
def test_arbitrary_ciphertexts_only_ever_raise_callback_errors(plaintext: bytes) -> None:
    crypto = CallbackCrypto(TOKEN, AES_KEY, CORP, agent_id=AGENT)
    peer = WeComPeer(TOKEN, AES_KEY, CORP, AGENT)
    try:
        decrypt(crypto, peer.wrap(peer.encrypt_raw(plaintext), now=NOW))
    except CallbackError:
        pass


# -- passive replies ----------------------------------------------------------------------------------------------


def test_passive_text_reply_round_trip(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    xml = text_reply_xml("zhangsan", CORP, "已收到。]]>第二行\x00\n谢谢", NOW)
    body = crypto.encrypt_reply(xml, "12345", str(int(NOW)))
    reply = peer.decrypt_reply(body)
    assert reply is not None
    assert reply["MsgType"] == "text" and reply["ToUserName"] == "zhangsan" and reply["FromUserName"] == CORP
    assert reply["Content"] == "已收到。]]>第二行\n谢谢"
    assert peer.decrypt_reply(b"") is None


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_wechatpy_reads_every_reply_we_encrypt(text: str) -> None:
    # our own AES and framing against wechatpy's, at every padding length (1 to 32 bytes)
    crypto = CallbackCrypto(TOKEN, AES_KEY, CORP, agent_id=AGENT)
    xml = text_reply_xml("zhangsan", CORP, text, NOW)
    body = crypto.encrypt_reply(xml, "12345", str(int(NOW)))
    envelope = parse_xml(body)
    assert envelope["TimeStamp"] == str(int(NOW)) and envelope["Nonce"] == "12345"
    assert WeChatCrypto(TOKEN, AES_KEY, CORP).decrypt_message(body, envelope["MsgSignature"], str(int(NOW)),
                                                              "12345") == xml


def test_the_same_reply_encrypts_differently_each_time(crypto: CallbackCrypto) -> None:
    xml = text_reply_xml("u", CORP, "hi", NOW)
    assert crypto.encrypt_reply(xml, "1", str(int(NOW))) != crypto.encrypt_reply(xml, "1", str(int(NOW)))


def test_passive_reply_with_forged_signature_is_refused(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    body = crypto.encrypt_reply(text_reply_xml("u", CORP, "hi", NOW), "1", str(int(NOW)))
    forged = body.replace("<Nonce><![CDATA[1]]></Nonce>", "<Nonce><![CDATA[2]]></Nonce>")
    with pytest.raises(SignatureMismatch):
        peer.decrypt_reply(forged)


def test_passive_text_over_2048_bytes_is_refused() -> None:
    text_reply_xml("u", CORP, "字" * 682, NOW)  # 2046 bytes
    with pytest.raises(ValueError):
        text_reply_xml("u", CORP, "字" * 683, NOW)


def test_update_button_reply(crypto: CallbackCrypto, peer: WeComPeer) -> None:
    body = crypto.encrypt_reply(update_button_reply_xml("u", CORP, "已选择：是", NOW), "7", str(int(NOW)))
    reply = peer.decrypt_reply(body)
    assert reply is not None and reply["MsgType"] == "update_button"
    assert reply["Button"]["ReplaceName"] == "已选择：是"
