"""A file sent over the long connection: decrypted with the message's own key as documented (AES-256-CBC, the IV the
key's first 16 bytes, PKCS#7 to 32-byte blocks), checked against wechatpy's independent implementation of the same
scheme; a wrong key or a cut-off download is refused, never read as garbage (but see `_WRONG_KEY`)."""

from __future__ import annotations

import base64
import os

import pytest
from wechatpy.crypto.cryptography import WeChatCipher
from wechatpy.crypto.pkcs7 import PKCS7Encoder

from handlers.wecom.longconn.channel import frame_to_incoming
from handlers.wecom.longconn.media import MediaUndecryptable, decrypt_media, encrypt_media, new_aeskey
from tests.handlers.wecom.test_longconn_frames import NOW, callback


def encrypted_by_wechatpy(data: bytes, aeskey: str) -> bytes:
    key = base64.b64decode(aeskey + "=" * (-len(aeskey) % 4))
    return WeChatCipher(key).encrypt(PKCS7Encoder.encode(data))


@pytest.mark.parametrize("size", [0, 1, 31, 32, 33, 4096, 100_003])
def test_a_file_decrypts_with_its_own_key_whatever_its_length(size: int) -> None:
    data = os.urandom(size)
    aeskey = new_aeskey()
    assert decrypt_media(encrypted_by_wechatpy(data, aeskey), aeskey) == data
    assert encrypt_media(data, aeskey) == encrypted_by_wechatpy(data, aeskey)  # the stand-in serves what WeCom would


# fixed keys: with a random wrong key, about one decryption in 256 ends in bytes that pass as PKCS#7 padding (the
# scheme has no MAC); the garbage then fails as a document, not here
_KEY = base64.b64encode(bytes(range(32))).decode().rstrip("=")
_WRONG_KEY = base64.b64encode(bytes(range(1, 33))).decode().rstrip("=")


def test_a_wrong_key_or_a_cut_download_is_refused() -> None:
    data = "柳园口乡2024年政府信息公开工作年度报告".encode() * 50
    aeskey = _KEY
    encrypted = encrypted_by_wechatpy(data, aeskey)
    with pytest.raises(MediaUndecryptable):
        decrypt_media(encrypted, _WRONG_KEY)
    with pytest.raises(MediaUndecryptable):
        decrypt_media(encrypted[:-16], aeskey)
    with pytest.raises(MediaUndecryptable):
        decrypt_media(encrypted, "not base64 at all!")
    with pytest.raises(MediaUndecryptable):
        decrypt_media(encrypted, base64.b64encode(b"sixteen byte key").decode())


def test_a_file_message_and_the_file_of_a_mixed_one_go_to_the_file_import() -> None:
    file = {"url": "https://example.invalid/f", "aeskey": "k"}
    alone = frame_to_incoming(callback("file", file=file), NOW)
    assert (alone.kind, alone.file_url, alone.file_key, alone.message_id) == ("file", file["url"], "k", "m1")
    assert alone.file_name == ""  # the name comes with the download
    mixed = frame_to_incoming(callback("mixed", mixed={"msg_item": [
        {"msgtype": "text", "text": {"content": "去年的年报"}}, {"msgtype": "file", "file": file}]}), NOW)
    assert (mixed.kind, mixed.file_url, mixed.text) == ("file", file["url"], "去年的年报")
    without_url = frame_to_incoming(callback("file", file={}), NOW)
    assert without_url.kind == "other"
