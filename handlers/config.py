"""Settings of the edge: environment variables, with a `.env` file read if present.

A missing or malformed setting stops start-up with ONE line that names the variable, because the person reading it
is an operator at a console, not a developer reading a traceback.
"""

from __future__ import annotations

import os
import re
import secrets
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.messages import text

DEFAULT_DB = "data/nianbao.db"
DEMO_DB = "data/demo.db"
DEFAULT_API_BASE = "https://qyapi.weixin.qq.com"
DEFAULT_GATEWAY_URL = "wss://openws.work.weixin.qq.com"  # the 智能机器人 long connection (developer doc 101463)
DEFAULT_TZ = "Asia/Shanghai"
DEFAULT_WINDOW = 300
DEMO_PUBLIC_URL = "http://127.0.0.1:8080"
DEMO_AGENT_ID = "1000002"
DEFAULT_LLM_TIMEOUT = 30

AES_KEY_LENGTH = 43
_BASE64_CHARS = frozenset(string.ascii_letters + string.digits + "+/")
# WeCom's console accepts a Token of English letters and digits, at most 32 characters.
_TOKEN_PATTERN = re.compile(r"[A-Za-z0-9]{1,32}")
_MIN_SECRET_KEY = 16
# the self-built app's callback and API; optional when the 智能机器人 long connection is the only channel
APP_VARIABLES = ("WECOM_CORP_ID", "WECOM_AGENT_ID", "WECOM_SECRET", "WECOM_TOKEN", "WECOM_AES_KEY")

# Operator-facing messages: templates/messages/settings.j2 (one line each; the variable name always appears).


class SettingsError(ValueError):
    """A setting is missing or malformed; str(error) is one line naming the variable."""

    def __init__(self, variable: str, message: str) -> None:
        super().__init__(message)
        self.variable = variable


@dataclass(frozen=True)
class Settings:
    db_path: Path
    corp_id: str
    agent_id: int
    secret: str = field(repr=False)
    token: str = field(repr=False)
    aes_key: str = field(repr=False)
    api_base: str
    public_url: str
    secret_key: str = field(repr=False)
    tz_name: str = DEFAULT_TZ
    timestamp_window: int = DEFAULT_WINDOW
    demo: bool = False
    llm_url: str = ""  # an OpenAI-compatible chat-completions endpoint; empty: drafts come from the templates only
    llm_model: str = ""
    llm_key: str = field(default="", repr=False)
    llm_timeout: int = DEFAULT_LLM_TIMEOUT  # seconds one model draft may take before the template draft is sent
    bot_id: str = ""  # the 智能机器人's BotID: set (with bot_secret) → `nianbao serve` also runs the long connection
    bot_secret: str = field(default="", repr=False)
    gateway_url: str = DEFAULT_GATEWAY_URL
    cards: bool = False  # NIANBAO_CARDS=1: the app channel sends template cards too (the WeChat plug-in shows none)

    @property
    def long_connection(self) -> bool:
        return bool(self.bot_id)

    @property
    def app_channel(self) -> bool:
        """The self-built app's callback and API are configured (else the long connection is the only channel)."""
        return bool(self.corp_id)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.tz_name)


def generate_demo_credentials() -> dict[str, str]:
    """Fresh WeCom-shaped credentials for demo mode (the local stand-in plays WeCom)."""
    alphabet = string.ascii_letters + string.digits
    return {
        "WECOM_CORP_ID": "wwdemo" + secrets.token_hex(6),
        "WECOM_AGENT_ID": DEMO_AGENT_ID,
        "WECOM_SECRET": secrets.token_urlsafe(32),
        "WECOM_TOKEN": "".join(secrets.choice(alphabet) for _ in range(32)),
        "WECOM_AES_KEY": "".join(secrets.choice(alphabet) for _ in range(AES_KEY_LENGTH)),
        "NIANBAO_SECRET_KEY": secrets.token_urlsafe(32),
    }


def load_settings(env: Mapping[str, str], demo: bool = False) -> Settings:
    """Validate `env` into Settings. In demo mode missing credentials are generated, never malformed ones accepted."""
    values = {name: value.strip() for name, value in env.items() if value is not None and value.strip() != ""}
    if demo:
        defaults = generate_demo_credentials()
        defaults.update({"NIANBAO_DB": DEMO_DB, "NIANBAO_PUBLIC_URL": DEMO_PUBLIC_URL})
        values = {**defaults, **values}
    bot = _bot(values)
    app = not bot or any(name in values for name in APP_VARIABLES)  # the long connection alone, or the app too
    return Settings(
        db_path=Path(values.get("NIANBAO_DB", DEFAULT_DB)),
        corp_id=_required(values, "WECOM_CORP_ID") if app else "",
        agent_id=_positive_int(values, "WECOM_AGENT_ID", None) if app else 0,
        secret=_required(values, "WECOM_SECRET") if app else "",
        token=_token(values, "WECOM_TOKEN") if app else "",
        aes_key=_aes_key(values, "WECOM_AES_KEY") if app else "",
        api_base=_url(values, "WECOM_API_BASE", DEFAULT_API_BASE).rstrip("/"),
        public_url=_url(values, "NIANBAO_PUBLIC_URL", None).rstrip("/"),
        secret_key=_secret_key(values, "NIANBAO_SECRET_KEY"),
        tz_name=_timezone(values, "NIANBAO_TZ"),
        timestamp_window=_positive_int(values, "NIANBAO_TIMESTAMP_WINDOW", DEFAULT_WINDOW),
        demo=demo,
        llm_url=_url(values, "NIANBAO_LLM_URL", "") if values.get("NIANBAO_LLM_URL") else "",
        llm_model=values.get("NIANBAO_LLM_MODEL", ""),
        llm_key=values.get("NIANBAO_LLM_KEY", ""),
        llm_timeout=_positive_int(values, "NIANBAO_LLM_TIMEOUT", DEFAULT_LLM_TIMEOUT),
        cards=_switch(values, "NIANBAO_CARDS"),
        **bot,
    )


def read_env_file(path: Path) -> dict[str, str]:
    """Parse a .env file: `NAME=value` lines, optional `export `, quotes, `#` comments. Missing file → {}."""
    if not path.is_file():
        return {}
    values: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :].lstrip()
        name, sep, value = line.partition("=")
        name = name.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise SettingsError(".env", text("settings", "env_file", line=number))
        values[name] = _unquote(value.strip())
    return values


def settings_from_environment(demo: bool = False, env_file: Path = Path(".env")) -> Settings:
    """The real process environment wins over the .env file, as operators expect."""
    merged = {**read_env_file(env_file), **os.environ}
    return load_settings(merged, demo=demo)


def _switch(values: Mapping[str, str], name: str) -> bool:
    value = values.get(name, "0").lower()
    if value not in ("0", "1", "true", "false", "yes", "no", "on", "off"):
        raise SettingsError(name, text("settings", "switch", name=name, value=value))
    return value in ("1", "true", "yes", "on")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    comment = value.find(" #")
    return value[:comment].rstrip() if comment >= 0 else value


def _required(values: Mapping[str, str], name: str) -> str:
    if name not in values:
        raise SettingsError(name, text("settings", "missing", name=name))
    return values[name]


def _positive_int(values: Mapping[str, str], name: str, default: int | None) -> int:
    if name not in values and default is not None:
        return default
    raw = _required(values, name)
    try:
        number = int(raw)
    except ValueError:
        raise SettingsError(name, text("settings", "not_int", name=name, value=raw)) from None
    if number <= 0:
        raise SettingsError(name, text("settings", "not_positive", name=name, value=number))
    return number


def _token(values: Mapping[str, str], name: str) -> str:
    token = _required(values, name)
    if not _TOKEN_PATTERN.fullmatch(token):
        raise SettingsError(name, text("settings", "token", name=name))
    return token


def _aes_key(values: Mapping[str, str], name: str) -> str:
    key = _required(values, name)
    if len(key) != AES_KEY_LENGTH:
        raise SettingsError(name, text("settings", "aes_length", name=name, expected=AES_KEY_LENGTH, actual=len(key)))
    bad = next((char for char in key if char not in _BASE64_CHARS), None)
    if bad is not None:
        raise SettingsError(name, text("settings", "aes_alphabet", name=name, char=bad))
    return key


def _url(values: Mapping[str, str], name: str, default: str | None) -> str:
    url = values.get(name, default) if default is not None else _required(values, name)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingsError(name, text("settings", "url", name=name, value=url))
    return url


def _bot(values: Mapping[str, str]) -> dict[str, str]:
    """The long connection's settings: none (the callback alone), or WECOM_BOT_ID and WECOM_BOT_SECRET together."""
    if "WECOM_BOT_ID" not in values and "WECOM_BOT_SECRET" not in values:
        return {}
    gateway = values.get("WECOM_GATEWAY_URL", DEFAULT_GATEWAY_URL)
    if urlsplit(gateway).scheme not in ("ws", "wss") or not urlsplit(gateway).netloc:
        raise SettingsError("WECOM_GATEWAY_URL", text("settings", "ws_url", name="WECOM_GATEWAY_URL", value=gateway))
    return {"bot_id": _required(values, "WECOM_BOT_ID"), "bot_secret": _required(values, "WECOM_BOT_SECRET"),
            "gateway_url": gateway}


def _secret_key(values: Mapping[str, str], name: str) -> str:
    key = _required(values, name)
    if len(key) < _MIN_SECRET_KEY:
        raise SettingsError(name, text("settings", "secret_key", name=name, minimum=_MIN_SECRET_KEY, actual=len(key)))
    return key


def _timezone(values: Mapping[str, str], name: str) -> str:
    tz_name = values.get(name, DEFAULT_TZ)
    try:
        ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(name, text("settings", "bad_tz", name=name, value=tz_name)) from None
    return tz_name
