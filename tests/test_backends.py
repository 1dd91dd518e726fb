from __future__ import annotations

from pathlib import Path

import pytest

from extract.errors import ConfigError
from extract.model.backends import DEFAULT_OPENAI_MODEL, BackendKind, OutputMode, resolve_backend


def test_base_url_wins_over_openai_key() -> None:
    cfg = resolve_backend(env={"EXTRACT_BASE_URL": "http://h:1/v1/", "OPENAI_API_KEY": "sk-x"})
    assert cfg.kind is BackendKind.COMPAT
    assert cfg.base_url == "http://h:1/v1"
    assert cfg.mode is OutputMode.AUTO  # the server is asked what it enforces (mode_probe)


def test_flag_wins_over_environment() -> None:
    cfg = resolve_backend(base_url="http://flag/v1", env={"EXTRACT_BASE_URL": "http://env/v1"})
    assert cfg.base_url == "http://flag/v1"


def test_openai_key_selects_openai_with_default_model() -> None:
    cfg = resolve_backend(env={"OPENAI_API_KEY": "sk-test"})
    assert cfg.kind is BackendKind.OPENAI
    assert cfg.model == DEFAULT_OPENAI_MODEL
    assert cfg.mode is OutputMode.TOOLS
    assert "sk-test" not in cfg.describe()


def test_model_env_overrides_default() -> None:
    cfg = resolve_backend(env={"OPENAI_API_KEY": "sk-test", "EXTRACT_MODEL": "gpt-x"})
    assert cfg.model == "gpt-x"


def test_nothing_set_means_embedded_local_model() -> None:
    cfg = resolve_backend(env={})
    assert cfg.kind is BackendKind.LOCAL
    assert cfg.mode is OutputMode.LLAMA_SCHEMA


def test_model_path_means_local_even_with_a_key(tmp_path: Path) -> None:
    cfg = resolve_backend(model_path=tmp_path / "m.gguf", env={"OPENAI_API_KEY": "sk-test"})
    assert cfg.kind is BackendKind.LOCAL


def test_explicit_backend_and_mode() -> None:
    cfg = resolve_backend(BackendKind.LOCAL, mode=OutputMode.JSON, env={"OPENAI_API_KEY": "sk-test"})
    assert cfg.kind is BackendKind.LOCAL and cfg.mode is OutputMode.JSON


def test_openai_backend_without_key_says_how_to_fix() -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        resolve_backend(BackendKind.OPENAI, env={})


def test_compat_backend_without_url_says_how_to_fix() -> None:
    with pytest.raises(ConfigError, match="--base-url"):
        resolve_backend(BackendKind.COMPAT, env={})
