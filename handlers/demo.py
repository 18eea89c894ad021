"""`nianbao serve --demo`: a demo database, demo WeCom credentials, and the WeCom stand-in on the same server (with
NIANBAO_DEMO_CHANNEL=longconn the 智能机器人 gateway stand-in too, and the long connection to it).

Idempotent: a second start keeps the credentials in data/demo.env (so a running `nianbao chat` keeps working) and
the organisation in data/demo.db, only updating what changed.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from bot.messages import edge
from handlers.config import Settings, generate_demo_credentials, load_settings, read_env_file
from storage import Store, Unit, User

DEMO_AREA = "示范县"
DEMO_UNITS = (
    Unit("城关镇人民政府", "镇", DEMO_AREA),
    Unit("青山乡人民政府", "乡", DEMO_AREA),
    Unit("东城街道办事处", "街道", DEMO_AREA),
    Unit("示范县教育局", "县级部门", DEMO_AREA),
    Unit("示范县人民政府", "县级政府", DEMO_AREA),
    Unit("柳河镇人民政府", "镇", DEMO_AREA),
    Unit("石桥乡人民政府", "乡", DEMO_AREA),
    Unit("西关街道办事处", "街道", DEMO_AREA),
    Unit("示范县市场监督管理局", "县级部门", DEMO_AREA),
    Unit("示范县自然资源局", "县级部门", DEMO_AREA),
)
DEMO_USERS = (
    User("demo_zhang", "张明", "staff", "城关镇人民政府", DEMO_AREA),
    User("demo_li", "李华", "staff", "青山乡人民政府", DEMO_AREA),
    User("demo_wang", "王芳", "staff", "东城街道办事处", DEMO_AREA),
    User("demo_zhao", "赵强", "staff", "示范县教育局", DEMO_AREA),
    User("demo_chen", "陈静", "staff", "示范县人民政府", DEMO_AREA),
    User("demo_liu", "刘主任", "supervisor", None, DEMO_AREA),
    User("demo_admin", "周管理员", "admin", None, DEMO_AREA),
)
CREDENTIAL_NAMES = tuple(generate_demo_credentials())
ROLE_NAMES = {"staff": "填报人", "supervisor": "审核人", "admin": "管理员"}


GATEWAY_PREFIX = "/wecom-gateway"  # where the demo mounts the long connection's gateway stand-in
CHANNEL_SETTING = "NIANBAO_DEMO_CHANNEL"  # longconn: the demo runs the 智能机器人 long connection too
BOT_NAMES = ("WECOM_BOT_ID", "WECOM_BOT_SECRET")


@dataclass(frozen=True)
class Demo:
    settings: Settings
    env_path: Path
    base_url: str
    gateway: bool = False  # the gateway stand-in is mounted at GATEWAY_PREFIX (no real bot was configured)


def prepare_demo(host: str, port: int, data_dir: Path = Path("data"),
                 env: dict[str, str] | None = None) -> Demo:
    """Credentials (kept from an earlier start), URLs for this host and port, and the demo organisation.

    With NIANBAO_DEMO_CHANNEL=longconn and no WECOM_BOT_ID of a real bot, the long connection runs against the
    gateway stand-in mounted on the same server, with demo bot credentials kept beside the app's."""
    env = dict(os.environ) if env is None else env
    env_path = data_dir / "demo.env"
    base_url = f"http://{_reachable(host)}:{port}"
    saved = read_env_file(env_path)
    values = {**_credentials(saved), "NIANBAO_DB": str(data_dir / "demo.db"),
              "WECOM_API_BASE": base_url + "/wecom-api", "NIANBAO_PUBLIC_URL": base_url}
    gateway = env.get(CHANNEL_SETTING, "").strip() == "longconn" and not env.get("WECOM_BOT_ID")
    if gateway:
        kept = all(saved.get(name) for name in BOT_NAMES)
        values |= {
            "WECOM_BOT_ID": saved["WECOM_BOT_ID"] if kept else "aibdemo" + secrets.token_hex(6),
            "WECOM_BOT_SECRET": saved["WECOM_BOT_SECRET"] if kept else secrets.token_urlsafe(24),
            "WECOM_GATEWAY_URL": base_url.replace("http://", "ws://") + GATEWAY_PREFIX + "/",
            CHANNEL_SETTING: "longconn",
        }
    _write_env(env_path, values)
    settings = load_settings({**env, **values}, demo=True)
    with Store.open(settings.db_path) as store:
        seed_demo(store)
    return Demo(settings, env_path, base_url, gateway)


def seed_demo(store: Store) -> None:
    with store.transaction():
        for unit in DEMO_UNITS:
            store.save_unit(unit)
        for user in DEMO_USERS:
            store.save_user(user)


def demo_banner(demo: Demo) -> str:
    return edge("demo_banner", base_url=demo.base_url, db_path=demo.settings.db_path, env_path=demo.env_path,
                users=DEMO_USERS, roles=ROLE_NAMES, gateway=demo.base_url + GATEWAY_PREFIX if demo.gateway else "")


def _credentials(saved: dict[str, str]) -> dict[str, str]:
    if all(saved.get(name) for name in CREDENTIAL_NAMES):
        return {name: saved[name] for name in CREDENTIAL_NAMES}
    return generate_demo_credentials()


def _write_env(path: Path, values: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# nianbao demo credentials (generated; read by `nianbao chat`)\n"
    text += "".join(f"{name}={value}\n" for name, value in values.items())
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)


def _reachable(host: str) -> str:
    return "127.0.0.1" if host in ("", "0.0.0.0", "::") else host
