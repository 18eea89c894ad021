from __future__ import annotations

from pathlib import Path

import pytest

from handlers.config import (
    DEFAULT_API_BASE,
    SettingsError,
    generate_demo_credentials,
    load_settings,
    read_env_file,
    settings_from_environment,
)

GOOD = {
    "WECOM_CORP_ID": "ww1436e0e65a779aee",
    "WECOM_AGENT_ID": "1000002",
    "WECOM_SECRET": "s3cr3t-value",
    "WECOM_TOKEN": "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
    "WECOM_AES_KEY": "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt",
    "NIANBAO_PUBLIC_URL": "https://nianbao.example.gov.cn/",
    "NIANBAO_SECRET_KEY": "a-long-enough-secret-key",
}


def test_good_settings_and_defaults() -> None:
    settings = load_settings(GOOD)
    assert settings.agent_id == 1000002
    assert settings.db_path == Path("data/nianbao.db")
    assert settings.api_base == DEFAULT_API_BASE
    assert settings.public_url == "https://nianbao.example.gov.cn"
    assert settings.tz.key == "Asia/Shanghai"
    assert settings.timestamp_window == 300
    assert "s3cr3t" not in repr(settings) and GOOD["WECOM_AES_KEY"] not in repr(settings)


def _error_for(**changes: str | None) -> SettingsError:
    env = {k: v for k, v in {**GOOD, **changes}.items() if v is not None}
    with pytest.raises(SettingsError) as caught:
        load_settings(env)
    return caught.value


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("WECOM_AES_KEY", GOOD["WECOM_AES_KEY"][:42], "WECOM_AES_KEY 应为 43 个字符，当前为 42 个"),
        ("WECOM_AES_KEY", GOOD["WECOM_AES_KEY"][:42] + "=", "WECOM_AES_KEY 只能包含"),
        ("WECOM_AES_KEY", None, "缺少配置项 WECOM_AES_KEY"),
        ("WECOM_CORP_ID", None, "缺少配置项 WECOM_CORP_ID"),
        ("WECOM_CORP_ID", "   ", "缺少配置项 WECOM_CORP_ID"),
        ("WECOM_SECRET", None, "缺少配置项 WECOM_SECRET"),
        ("WECOM_AGENT_ID", "abc", "WECOM_AGENT_ID 应为整数"),
        ("WECOM_AGENT_ID", "0", "WECOM_AGENT_ID 应为正整数"),
        ("WECOM_TOKEN", "has space", "WECOM_TOKEN 应为 1 至 32 位"),
        ("WECOM_TOKEN", "x" * 33, "WECOM_TOKEN 应为 1 至 32 位"),
        ("WECOM_API_BASE", "qyapi.weixin.qq.com", "WECOM_API_BASE 应为以 http://"),
        ("NIANBAO_PUBLIC_URL", None, "缺少配置项 NIANBAO_PUBLIC_URL"),
        ("NIANBAO_PUBLIC_URL", "ftp://x", "NIANBAO_PUBLIC_URL 应为以 http://"),
        ("NIANBAO_SECRET_KEY", "short", "NIANBAO_SECRET_KEY 至少应为 16 个字符"),
        ("NIANBAO_TZ", "Asia/Beijing", "NIANBAO_TZ 不是有效的时区名称"),
        ("NIANBAO_TZ", "../etc/passwd", "NIANBAO_TZ 不是有效的时区名称"),
        ("NIANBAO_TIMESTAMP_WINDOW", "-5", "NIANBAO_TIMESTAMP_WINDOW 应为正整数"),
        ("NIANBAO_LLM_URL", "localhost:8000/v1/chat/completions", "NIANBAO_LLM_URL 应为以 http://"),
        ("NIANBAO_LLM_TIMEOUT", "0", "NIANBAO_LLM_TIMEOUT 应为正整数"),
    ],
)
def test_each_bad_setting_is_one_line_naming_it(name: str, value: str | None, expected: str) -> None:
    error = _error_for(**{name: value})
    assert error.variable == name
    assert str(error).startswith(expected) or expected in str(error)
    assert name in str(error)
    assert "\n" not in str(error)


def test_demo_generates_missing_credentials_but_keeps_given_ones() -> None:
    settings = load_settings({"WECOM_CORP_ID": "wwmine"}, demo=True)
    assert settings.demo and settings.corp_id == "wwmine"
    assert len(settings.aes_key) == 43 and settings.db_path == Path("data/demo.db")
    # a malformed value is still refused in demo mode
    with pytest.raises(SettingsError, match="WECOM_AES_KEY"):
        load_settings({"WECOM_AES_KEY": "short"}, demo=True)


def test_generated_demo_credentials_are_valid_and_fresh() -> None:
    first, second = generate_demo_credentials(), generate_demo_credentials()
    assert first["WECOM_AES_KEY"] != second["WECOM_AES_KEY"]
    load_settings({**first, "NIANBAO_PUBLIC_URL": "http://127.0.0.1:8080"})


def test_env_file_is_read_and_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / ".env"
    lines = [f"{k}={v}" for k, v in GOOD.items() if k != "WECOM_SECRET"]
    env_file.write_text(
        "# comment\n\n" + "\n".join(lines) + "\nexport WECOM_SECRET='from file'\nNIANBAO_TZ=UTC # inline\n",
        encoding="utf-8",
    )
    assert read_env_file(env_file)["WECOM_SECRET"] == "from file"
    for name in list(GOOD) + ["NIANBAO_TZ"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WECOM_AGENT_ID", "42")
    settings = settings_from_environment(env_file=env_file)
    assert settings.secret == "from file" and settings.agent_id == 42 and settings.tz_name == "UTC"


def test_bad_env_file_line_is_reported_by_number(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("WECOM_TOKEN=abc\nthis is not an assignment\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="第 2 行"):
        read_env_file(env_file)


def test_missing_env_file_is_fine(tmp_path: Path) -> None:
    assert read_env_file(tmp_path / "absent.env") == {}


def test_the_language_model_is_optional_and_its_key_never_shown() -> None:
    assert load_settings(GOOD).llm_url == ""  # without it, drafts come from the templates as before
    settings = load_settings({**GOOD, "NIANBAO_LLM_URL": "http://127.0.0.1:8000/v1/chat/completions",
                              "NIANBAO_LLM_MODEL": "qwen2.5-7b-instruct", "NIANBAO_LLM_KEY": "sk-very-secret"})
    assert settings.llm_model == "qwen2.5-7b-instruct" and settings.llm_timeout == 30
    assert "sk-very-secret" not in repr(settings)


def test_every_setting_is_documented_in_the_readme_and_the_env_example() -> None:
    import re

    root = Path(__file__).resolve().parents[2]
    source = (root / "handlers" / "config.py").read_text(encoding="utf-8")
    names = set(re.findall(r'"((?:NIANBAO|WECOM)_[A-Z_]+)"', source))
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert {"NIANBAO_LLM_URL", "NIANBAO_LLM_MODEL", "NIANBAO_LLM_KEY", "NIANBAO_LLM_TIMEOUT"} <= names
    assert not [n for n in names if f"`{n}`" not in readme]
    example = (root / "deploy" / "nianbao.env.example").read_text(encoding="utf-8")
    assert all(f"{n}=" in example for n in names if n.startswith("NIANBAO_LLM"))
