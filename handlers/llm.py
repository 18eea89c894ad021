"""The optional language model: an OpenAI-compatible `/v1/chat/completions` endpoint (vLLM, Ollama, a provider).

Only the model-draft job calls it, never a callback and never inside a storage transaction. Every failure — no
answer within the time, an HTTP error, an answer that is not the JSON asked for — is a `ModelUnavailable`, and the
caller falls back to the template draft.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import aiohttp

from handlers.config import Settings


class ModelUnavailable(Exception):
    """The model gave no usable answer (timeout, HTTP error, malformed response); the text says which."""


@dataclass(frozen=True)
class ChatModel:
    url: str
    model: str
    key: str = ""
    timeout: float = 30.0

    @classmethod
    def from_settings(cls, settings: Settings) -> ChatModel | None:
        if not settings.llm_url:
            return None
        return cls(settings.llm_url, settings.llm_model, settings.llm_key, float(settings.llm_timeout))

    async def complete(self, session: aiohttp.ClientSession, messages: list[dict[str, Any]]) -> str:
        """The content of the first choice; within `timeout` seconds or ModelUnavailable."""
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        body = {"model": self.model, "messages": messages, "temperature": 0.3,
                "response_format": {"type": "json_object"}}
        try:
            async with asyncio.timeout(self.timeout):
                async with session.post(self.url, json=body, headers=headers) as response:
                    if response.status != 200:
                        raise ModelUnavailable(f"HTTP {response.status}: {(await response.text())[:200]}")
                    data = await response.json(content_type=None)
        except TimeoutError:
            raise ModelUnavailable(f"no answer within {self.timeout:g} s") from None
        except (aiohttp.ClientError, ValueError) as error:
            raise ModelUnavailable(f"{type(error).__name__}: {error}") from None
        try:
            return str(data["choices"][0]["message"]["content"])
        except (KeyError, IndexError, TypeError):
            raise ModelUnavailable(f"not a chat completion: {str(data)[:200]}") from None
