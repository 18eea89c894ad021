"""The WeCom callback crypto, hardened around wechatpy's enterprise WeChatCrypto.

wechatpy 1.8.18 derives the key from the EncodingAESKey correctly, so it does that here. What it lacks is done
here: constant-time signature comparison, a timestamp window, size and DTD limits, strict PKCS#7 and length framing,
a CorpID/AgentID check that cannot be confused with a framing error, and one exception hierarchy whose `.status` is
the HTTP answer (403 for "not from WeCom", 400 for "not well-formed").

AES-256-CBC runs on one `cryptography` Cipher built at start-up, both ways: wechatpy builds a new one for every
message and, encrypting, draws its 16-character prefix with random.sample and converts every part to bytes on the
way (a seventh of the instructions the event loop spent on a callback). WeCom's framing is the same either way,
and wechatpy reads what is encrypted here (tests/handlers/wecom/test_crypto.py).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import struct
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from wechatpy.enterprise.crypto import WeChatCrypto

from bot.incoming import Incoming

MAX_BODY_BYTES = 64 * 1024
MAX_PASSIVE_TEXT_BYTES = 2048
_AES_BLOCK = 16
_PKCS7_BLOCK = 32  # WeCom pads to 32 bytes, not to the AES block size
_RANDOM_PREFIX = 16
_FORBIDDEN_XML = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# Characters XML 1.0 cannot carry at all; a reply containing one would be rejected by WeCom.
_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The encrypted reply's envelope, line for line as wechatpy writes it.
_REPLY_ENVELOPE = (
    "<xml>\n<Encrypt><![CDATA[{encrypt}]]></Encrypt>\n<MsgSignature><![CDATA[{signature}]]></MsgSignature>\n"
    "<TimeStamp>{timestamp}</TimeStamp>\n<Nonce><![CDATA[{nonce}]]></Nonce>\n</xml>"
)


class CallbackError(Exception):
    """A callback refused; `status` is the HTTP status to answer with, `reason` a short log-friendly tag."""

    status = 400
    reason = "error"


class SignatureMismatch(CallbackError):
    status = 403
    reason = "bad-signature"


class StaleTimestamp(CallbackError):
    status = 403
    reason = "stale-timestamp"


class ForeignMessage(CallbackError):
    status = 403
    reason = "foreign"


class MalformedMessage(CallbackError):
    status = 400
    reason = "malformed"


class MessageTooLarge(CallbackError):
    status = 400
    reason = "too-large"


class BodyTooSlow(CallbackError):
    status = 408
    reason = "slow-body"


def signature(token: str, timestamp: str, nonce: str, encrypt: str) -> str:
    """WeCom's msg_signature: sha1 of the sorted four strings joined, lower-case hex."""
    joined = "".join(sorted([token, timestamp, nonce, encrypt]))
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()


class CallbackCrypto:
    def __init__(
        self,
        token: str,
        aes_key: str,
        corp_id: str,
        agent_id: int | None = None,
        window_seconds: int = 300,
    ) -> None:
        try:
            key = WeChatCrypto(token, aes_key, corp_id).key
        except (AssertionError, binascii.Error, ValueError) as error:
            raise ValueError("EncodingAESKey must be 43 base64 characters") from error
        self._cipher = Cipher(algorithms.AES(key), modes.CBC(key[:_AES_BLOCK]))  # WeCom's IV: the key's first 16
        self._receive_id = corp_id.encode("utf-8")
        self.token = token
        self.corp_id = corp_id
        self.agent_id = agent_id
        self._agent_text = None if agent_id is None else str(agent_id)
        self.window_seconds = window_seconds

    # -- inbound -------------------------------------------------------------------------------------------------

    def verify_url(self, msg_signature: str, timestamp: str, nonce: str, echostr: str, now: float) -> str:
        """Answer WeCom's GET URL verification: the decrypted echostr, to be returned as the plain-text body."""
        # A '+' that came through an un-encoded query string arrives as a space; base64 never contains spaces.
        echostr = echostr.replace(" ", "+")
        self._check_signature(msg_signature, timestamp, nonce, echostr)
        self._check_timestamp(timestamp, now)
        try:
            return self._decrypt_payload(echostr).decode("utf-8")
        except UnicodeDecodeError:
            raise MalformedMessage("echostr is not UTF-8") from None

    def decrypt(
        self, body: bytes, msg_signature: str, timestamp: str, nonce: str, now: float
    ) -> dict[str, Any]:
        """Verify and decrypt one callback POST; return the inner message as a dict of its elements."""
        if len(body) > MAX_BODY_BYTES:
            raise MessageTooLarge(f"body of {len(body)} bytes")
        outer = parse_xml(body)
        encrypt = outer.get("Encrypt")
        if not isinstance(encrypt, str) or not encrypt:
            raise MalformedMessage("no Encrypt element")
        self._check_signature(msg_signature, timestamp, nonce, encrypt)
        self._check_timestamp(timestamp, now)
        self._check_addressee(outer)
        message = parse_xml(self._decrypt_payload(encrypt))
        self._check_addressee(message)
        if not isinstance(message.get("FromUserName"), str) or not isinstance(message.get("MsgType"), str):
            raise MalformedMessage("no FromUserName or MsgType")
        return message

    # -- outbound ------------------------------------------------------------------------------------------------

    def encrypt_reply(self, xml: str, nonce: str, timestamp: str) -> str:
        """Wrap a passive reply (plain XML) into WeCom's encrypted reply envelope."""
        encrypt = self._encrypt_payload(xml.encode("utf-8"))
        return _REPLY_ENVELOPE.format(encrypt=encrypt, signature=signature(self.token, timestamp, nonce, encrypt),
                                      timestamp=timestamp, nonce=nonce)

    def _encrypt_payload(self, payload: bytes) -> str:
        """WeCom's framing (16 random characters, the length, the payload, the CorpID), PKCS#7 to 32 bytes, AES."""
        framed = _random_prefix() + struct.pack(">I", len(payload)) + payload + self._receive_id
        pad = _PKCS7_BLOCK - len(framed) % _PKCS7_BLOCK
        encryptor = self._cipher.encryptor()
        ciphertext = encryptor.update(framed + bytes([pad]) * pad) + encryptor.finalize()
        return base64.b64encode(ciphertext).decode("ascii")

    # -- checks --------------------------------------------------------------------------------------------------

    def _check_signature(self, msg_signature: str, timestamp: str, nonce: str, encrypt: str) -> None:
        expected = signature(self.token, timestamp, nonce, encrypt)
        if not hmac.compare_digest(expected.encode("ascii"), (msg_signature or "").encode("utf-8")):
            raise SignatureMismatch("signature mismatch")

    def _check_timestamp(self, timestamp: str, now: float) -> None:
        try:
            sent = int(timestamp)
        except (TypeError, ValueError):
            raise MalformedMessage("timestamp is not an integer") from None
        if abs(now - sent) > self.window_seconds:
            raise StaleTimestamp(f"timestamp {sent} is {now - sent:+.0f}s from now")

    def _check_addressee(self, element: Mapping[str, Any]) -> None:
        to_user = element.get("ToUserName")
        if to_user is not None and to_user != self.corp_id:
            raise ForeignMessage("ToUserName is another CorpID")
        agent = element.get("AgentID")
        if self._agent_text is not None and agent not in (None, "") and str(agent).strip() != self._agent_text:
            raise ForeignMessage("AgentID is another application")

    def _decrypt_payload(self, encrypt: str) -> bytes:
        """AES, then the framing (padding, length, receiveid) checked strictly."""
        try:
            ciphertext = base64.b64decode(encrypt, validate=True)
        except (binascii.Error, ValueError):
            raise MalformedMessage("Encrypt is not base64") from None
        if not ciphertext or len(ciphertext) % _AES_BLOCK:
            raise MalformedMessage("ciphertext is not whole AES blocks")
        decryptor = self._cipher.decryptor()
        plain = decryptor.update(ciphertext) + decryptor.finalize()
        pad = plain[-1]
        if not 1 <= pad <= _PKCS7_BLOCK or plain[-pad:] != bytes([pad]) * pad:
            raise MalformedMessage("bad PKCS#7 padding")
        content = plain[_RANDOM_PREFIX:-pad]
        if len(content) < 4:
            raise MalformedMessage("no length field")
        (length,) = struct.unpack(">I", content[:4])
        if length > len(content) - 4:
            raise MalformedMessage("length field beyond the payload")
        payload, receive_id = content[4 : 4 + length], content[4 + length :]
        if not hmac.compare_digest(receive_id, self._receive_id):
            raise ForeignMessage("receiveid is another CorpID")
        return payload


def _random_prefix() -> bytes:
    # 16 printable characters as WeCom's own libraries send (any 16 bytes would do: the reader skips them)
    return base64.b64encode(os.urandom(12))


def parse_xml(data: bytes | str) -> dict[str, Any]:
    """The children of a WeCom <xml> root as a dict; DTDs, entities and anything not well-formed refused."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if _FORBIDDEN_XML.search(raw):
        raise MalformedMessage("DTD or entity declaration")
    try:
        root = ElementTree.fromstring(raw.decode("utf-8"))
    except (ElementTree.ParseError, UnicodeDecodeError, ValueError, TypeError):
        raise MalformedMessage("not well-formed XML") from None
    value = _value(root)
    if root.tag != "xml" or not isinstance(value, dict):
        raise MalformedMessage("root element is not <xml>")
    return value


def _value(element: ElementTree.Element) -> Any:
    """An element as xmltodict reads it: its text (stripped, None when empty) or a dict of its children, a tag
    that repeats as a list. ElementTree builds the tree in C: each callback's two parses cost a fifth as much."""
    if len(element) == 0:
        return (element.text or "").strip() or None
    children: dict[str, Any] = {}
    for child in element:
        value = _value(child)
        if child.tag not in children:
            children[child.tag] = value
        elif isinstance(held := children[child.tag], list):
            held.append(value)
        else:
            children[child.tag] = [held, value]
    return children


# -- passive replies ---------------------------------------------------------------------------------------------


def cdata(text: str) -> str:
    """Text as a CDATA section, safe for any content ("]]>" split, characters XML cannot carry dropped)."""
    return "<![CDATA[" + _NOT_XML_CHARS.sub("", text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_reply_xml(to_user: str, from_corp: str, text: str, now: float) -> str:
    """The plain XML of a passive text reply (to be passed through `encrypt_reply`)."""
    if len(text.encode("utf-8")) > MAX_PASSIVE_TEXT_BYTES:
        raise ValueError(f"a passive text reply is at most {MAX_PASSIVE_TEXT_BYTES} bytes; split it first")
    return (
        f"<xml><ToUserName>{cdata(to_user)}</ToUserName><FromUserName>{cdata(from_corp)}</FromUserName>"
        f"<CreateTime>{int(now)}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        f"<Content>{cdata(text)}</Content></xml>"
    )


def update_button_reply_xml(to_user: str, from_corp: str, replace_name: str, now: float) -> str:
    """Passive reply to a template_card_event that greys out the tapped card's buttons with `replace_name`."""
    return (
        f"<xml><ToUserName>{cdata(to_user)}</ToUserName><FromUserName>{cdata(from_corp)}</FromUserName>"
        f"<CreateTime>{int(now)}</CreateTime><MsgType><![CDATA[update_button]]></MsgType>"
        f"<Button><ReplaceName>{cdata(replace_name)}</ReplaceName></Button></xml>"
    )


# -- decrypted message → Incoming --------------------------------------------------------------------------------

_EVENT_KINDS = {"enter_agent": "enter_agent", "click": "click", "template_card_event": "card"}


def to_incoming(msg: Mapping[str, Any]) -> Incoming:
    """Turn a decrypted message into the engine's Incoming value (kind, text, keys, dedup id)."""
    user = _text(msg, "FromUserName")
    create_time = _text(msg, "CreateTime")
    try:
        when = datetime.fromtimestamp(int(create_time), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise MalformedMessage("CreateTime is not a unix time") from None
    msg_type = _text(msg, "MsgType").lower()
    msg_id = _text(msg, "MsgId")
    if msg_type == "text":
        content = msg.get("Content")
        text = content if isinstance(content, str) else ""
        return Incoming(user, "text", when, text=text, message_id=msg_id or _event_id(msg))
    if msg_type == "file":
        return Incoming(
            user,
            "file",
            when,
            media_id=_text(msg, "MediaId"),
            file_name=_text(msg, "FileName") or _text(msg, "Title"),
            message_id=msg_id or _event_id(msg),
        )
    if msg_type == "event":
        kind = _EVENT_KINDS.get(_text(msg, "Event").lower(), "other")
        selections = _selections(msg) if kind == "card" else ""
        return Incoming(
            user, kind, when, text=selections, event_key=_text(msg, "EventKey"), message_id=_event_id(msg),
            task_id=_text(msg, "TaskId"),
        )
    return Incoming(user, "other", when, message_id=msg_id or _event_id(msg))


def _event_id(msg: Mapping[str, Any]) -> str:
    # FromUserName + CreateTime + Event identify an event; EventKey and TaskId only tell apart two different
    # taps in the same second (a WeCom retry repeats them all, so deduplication still holds).
    parts = [_text(msg, name) for name in ("FromUserName", "CreateTime", "Event", "EventKey", "TaskId")]
    return "|".join(parts)


def _selections(msg: Mapping[str, Any]) -> str:
    """Vote / multiple-choice card answers as lines `QuestionKey=OptionId,OptionId` (empty for button cards)."""
    container = msg.get("SelectedItems")
    items = container.get("SelectedItem") if isinstance(container, dict) else None
    if isinstance(items, dict):
        items = [items]
    lines = []
    for item in items or []:
        if not isinstance(item, dict):
            continue
        options = item.get("OptionIds")
        ids = options.get("OptionId") if isinstance(options, dict) else None
        ids = [ids] if isinstance(ids, str) else [i for i in (ids or []) if isinstance(i, str)]
        lines.append(f"{_text(item, 'QuestionKey')}={','.join(ids)}")
    return "\n".join(lines)


def _text(msg: Mapping[str, Any], name: str) -> str:
    value = msg.get(name)
    return value.strip() if isinstance(value, str) else ""
