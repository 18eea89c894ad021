"""The WeCom side of the callback: builds the encrypted requests WeCom sends and reads the passive replies.

Used by the tests, the demo and `nianbao chat`. It encrypts with wechatpy (the same AES the server decrypts with)
and builds the outer envelope exactly as WeCom does: query msg_signature/timestamp/nonce and an XML body with
ToUserName (the CorpID), AgentID and Encrypt.
"""

from __future__ import annotations

import base64
import hmac
import itertools
import secrets
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wechatpy.crypto.base import WeChatCipher
from wechatpy.enterprise.crypto import PrpCrypto, WeChatCrypto

from handlers.wecom.crypto import MalformedMessage, SignatureMismatch, cdata, parse_xml, signature


@dataclass(frozen=True)
class CallbackRequest:
    """One callback as WeCom would POST it: `query` for the URL, `body` for the request body."""

    query: dict[str, str]
    body: bytes
    inner_xml: str


class WeComPeer:
    def __init__(self, token: str, aes_key: str, corp_id: str, agent_id: int) -> None:
        self.token = token
        self.corp_id = corp_id
        self.agent_id = agent_id
        self._key = WeChatCrypto(token, aes_key, corp_id).key
        # WeCom's MsgIds are 64-bit integers; start high and count up so every message in a run is distinct.
        self._msg_ids = itertools.count(7_000_000_000_000_000_000 + secrets.randbelow(10**15))

    # -- requests ------------------------------------------------------------------------------------------------

    def text(
        self,
        user: str,
        content: str,
        *,
        msg_id: str | None = None,
        create_time: int | None = None,
        now: float | None = None,
    ) -> CallbackRequest:
        fields = {"MsgType": "text", "Content": content, "MsgId": msg_id or self.next_msg_id()}
        return self.message(user, fields, create_time=create_time, now=now)

    def file(
        self,
        user: str,
        media_id: str,
        file_name: str,
        size: int = 0,
        *,
        msg_id: str | None = None,
        create_time: int | None = None,
        now: float | None = None,
    ) -> CallbackRequest:
        fields = {
            "MsgType": "file",
            "MediaId": media_id,
            "FileName": file_name,
            "FileSize": str(size),
            "MsgId": msg_id or self.next_msg_id(),
        }
        return self.message(user, fields, create_time=create_time, now=now)

    def event(
        self,
        user: str,
        event: str,
        event_key: str = "",
        *,
        extra: Mapping[str, Any] | None = None,
        create_time: int | None = None,
        now: float | None = None,
    ) -> CallbackRequest:
        fields: dict[str, Any] = {"MsgType": "event", "Event": event, "EventKey": event_key, **(extra or {})}
        return self.message(user, fields, create_time=create_time, now=now)

    def enter_agent(self, user: str, **kwargs: Any) -> CallbackRequest:
        return self.event(user, "enter_agent", **kwargs)

    def click(self, user: str, key: str, **kwargs: Any) -> CallbackRequest:
        return self.event(user, "click", key, **kwargs)

    def card(
        self,
        user: str,
        key: str,
        task_id: str,
        *,
        card_type: str = "button_interaction",
        selected: Mapping[str, Iterable[str]] | None = None,
        **kwargs: Any,
    ) -> CallbackRequest:
        """A template_card_event: a button tap (`key`) or, for vote/multiple cards, the options chosen."""
        extra: dict[str, Any] = {
            "TaskId": task_id,
            "CardType": card_type,
            "ResponseCode": secrets.token_hex(16),
        }
        if selected:
            items = [
                {"QuestionKey": question, "OptionIds": {"OptionId": list(options)}}
                for question, options in selected.items()
            ]
            extra["SelectedItems"] = {"SelectedItem": items}
        return self.event(user, "template_card_event", key, extra=extra, **kwargs)

    def message(
        self,
        user: str,
        fields: Mapping[str, Any],
        *,
        create_time: int | None = None,
        now: float | None = None,
    ) -> CallbackRequest:
        """Any inner message: the common header (To/From/CreateTime/AgentID) plus `fields`."""
        now = time.time() if now is None else now
        header = {
            "ToUserName": self.corp_id,
            "FromUserName": user,
            "CreateTime": str(int(now) if create_time is None else create_time),
        }
        inner = _xml({**header, **fields, "AgentID": str(self.agent_id)})
        return self.wrap(self.encrypt(inner), now=now, inner_xml=inner)

    def verify_url_query(self, echo: str, now: float | None = None) -> dict[str, str]:
        """The query of WeCom's GET URL verification; the server must answer `echo`."""
        timestamp, nonce = str(int(time.time() if now is None else now)), self.nonce()
        echostr = self.encrypt(echo)
        return {
            "msg_signature": signature(self.token, timestamp, nonce, echostr),
            "timestamp": timestamp,
            "nonce": nonce,
            "echostr": echostr,
        }

    # -- building blocks, for tests that need to tamper ----------------------------------------------------------

    def encrypt(self, text: str) -> str:
        return PrpCrypto(self._key).encrypt(text, self.corp_id).decode("ascii")

    def encrypt_raw(self, plaintext: bytes) -> str:
        """AES-CBC of `plaintext` as is (its length a multiple of 16): for forging bad padding or framing."""
        return base64.b64encode(WeChatCipher(self._key).encrypt(plaintext)).decode("ascii")

    def wrap(
        self,
        encrypt: str,
        *,
        now: float | None = None,
        inner_xml: str = "",
        agent_id: int | None = None,
    ) -> CallbackRequest:
        """The outer envelope around an Encrypt value, signed as WeCom signs it."""
        timestamp, nonce = str(int(time.time() if now is None else now)), self.nonce()
        body = _xml(
            {
                "ToUserName": self.corp_id,
                "AgentID": str(self.agent_id if agent_id is None else agent_id),
                "Encrypt": encrypt,
            }
        )
        query = {
            "msg_signature": signature(self.token, timestamp, nonce, encrypt),
            "timestamp": timestamp,
            "nonce": nonce,
        }
        return CallbackRequest(query=query, body=body.encode("utf-8"), inner_xml=inner_xml)

    def next_msg_id(self) -> str:
        return str(next(self._msg_ids))

    @staticmethod
    def nonce() -> str:
        return str(secrets.randbelow(10**10))

    # -- replies -------------------------------------------------------------------------------------------------

    def decrypt_reply(self, body: bytes | str) -> dict[str, Any] | None:
        """Read a passive reply as the WeCom client would: None for an empty body, else the inner message."""
        raw = body.encode("utf-8") if isinstance(body, str) else body
        if not raw.strip():
            return None
        envelope = parse_xml(raw)
        encrypt = envelope.get("Encrypt")
        if not isinstance(encrypt, str):
            raise MalformedMessage("reply without Encrypt")
        expected = signature(
            self.token, str(envelope.get("TimeStamp", "")), str(envelope.get("Nonce", "")), encrypt
        )
        if not hmac.compare_digest(expected, str(envelope.get("MsgSignature", ""))):
            raise SignatureMismatch("reply signature mismatch")
        try:
            inner = PrpCrypto(self._key).decrypt(encrypt, self.corp_id)
        except Exception as error:  # wechatpy raises struct/unicode/corp-id errors raw
            raise MalformedMessage(f"reply does not decrypt: {error!r}") from error
        return parse_xml(inner)


def _xml(fields: Mapping[str, Any]) -> str:
    return "<xml>" + "".join(_element(name, value) for name, value in fields.items()) + "</xml>"


def _element(name: str, value: Any) -> str:
    if isinstance(value, Mapping):
        return f"<{name}>" + "".join(_element(k, v) for k, v in value.items()) + f"</{name}>"
    if isinstance(value, list):
        return "".join(_element(name, item) for item in value)
    text = str(value)
    inner = text if text.isdigit() else cdata(text)
    return f"<{name}>{inner}</{name}>"
