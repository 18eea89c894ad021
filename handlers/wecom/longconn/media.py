"""Files a user sends over the long connection: downloaded from the message's own URL and decrypted with its own key.

As documented (智能机器人长连接 → 接收消息回调 → 多媒体资源解密) and implemented by the official SDKs
(@wecom/aibot-node-sdk `src/crypto.ts`, `src/api.ts`): a file or image message carries `url` (valid five minutes,
the content encrypted) and `aeskey` (base64, unique per URL). The content is AES-256-CBC with the decoded aeskey as
the key and its first 16 bytes as the IV, PKCS#7-padded to a multiple of 32 bytes; the file name comes in the
download's Content-Disposition (RFC 5987 `filename*=UTF-8''…` or a plain `filename=`).
"""

from __future__ import annotations

import base64
import binascii
import os

import aiohttp
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from handlers.wecom.api import MAX_MEDIA_BYTES, TRANSPORT_ERRCODE, MediaTooLarge, WeComAPIError

PAD_BLOCK = 32  # the documented PKCS#7 block: 32 bytes, not AES's 16
DOWNLOAD_SECONDS = 60.0


class MediaUndecryptable(WeComAPIError):
    """The content does not decrypt with the message's key (a wrong key, a truncated download)."""

    def __init__(self, message: str) -> None:
        super().__init__(TRANSPORT_ERRCODE, message, False)


def _key(aeskey: str) -> bytes:
    try:
        key = base64.b64decode(aeskey + "=" * (-len(aeskey) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise MediaUndecryptable("the aeskey is not base64") from None
    if len(key) != 32:
        raise MediaUndecryptable(f"the aeskey decodes to {len(key)} bytes, not 32")
    return key


def decrypt_media(data: bytes, aeskey: str) -> bytes:
    """The plain content of a downloaded file (AES-256-CBC, IV = the key's first 16 bytes, PKCS#7 to 32 bytes)."""
    key = _key(aeskey)
    if not data or len(data) % 16:
        raise MediaUndecryptable(f"{len(data)} bytes is not whole AES blocks")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    plain = decryptor.update(data) + decryptor.finalize()
    pad = plain[-1]
    if not 1 <= pad <= PAD_BLOCK or plain[-pad:] != bytes([pad]) * pad:
        raise MediaUndecryptable("the padding is wrong: not this file's key, or the download was cut short")
    return plain[:-pad]


def encrypt_media(data: bytes, aeskey: str) -> bytes:
    """What WeCom serves for `data` (the gateway stand-in serves files this way)."""
    key = _key(aeskey)
    pad = PAD_BLOCK - len(data) % PAD_BLOCK
    encryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return encryptor.update(data + bytes([pad]) * pad) + encryptor.finalize()


def new_aeskey() -> str:
    return base64.b64encode(os.urandom(32)).decode("ascii").rstrip("=")


async def download_media(session: aiohttp.ClientSession, url: str, aeskey: str,
                         limit: int = MAX_MEDIA_BYTES) -> tuple[str, bytes]:
    """(file name, plain bytes) of a file a user sent; MediaTooLarge beyond `limit`, WeComAPIError when the
    download fails (retryable unless the address is refused: it lives five minutes, waiting will not revive it)."""
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=DOWNLOAD_SECONDS)) as response:
            if response.status >= 400:
                raise WeComAPIError(TRANSPORT_ERRCODE, f"download: HTTP {response.status}", response.status >= 500)
            declared = response.content_length
            if declared is not None and declared > limit + PAD_BLOCK:
                raise MediaTooLarge(TRANSPORT_ERRCODE, f"download of {declared} bytes", False)
            chunks, size = [], 0
            async for chunk in response.content.iter_chunked(256 * 1024):
                size += len(chunk)
                if size > limit + PAD_BLOCK:  # the padding may add up to one block to a file within the limit
                    raise MediaTooLarge(TRANSPORT_ERRCODE, f"download larger than {limit} bytes", False)
                chunks.append(chunk)
            disposition = response.content_disposition
            name = (disposition.filename if disposition else None) or ""
    except (aiohttp.ClientError, TimeoutError) as error:
        raise WeComAPIError(TRANSPORT_ERRCODE, f"download: {error!r}", True) from error
    data = decrypt_media(b"".join(chunks), aeskey)
    if len(data) > limit:
        raise MediaTooLarge(TRANSPORT_ERRCODE, f"a file of {len(data)} bytes", False)
    return name, data
