"""The stub model server in place of llama.cpp, started through `LocalServer.command` as the real one is.

Cheap to import (no pytest), so a run process in a test can install it before the CLI starts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from extract.model.server import LocalServer

ROOT = Path(__file__).resolve().parent.parent


def fake_command(starts: Path, gate: Path, log: Path) -> Callable[[LocalServer], list[str]]:
    """A `LocalServer.command` that starts the harbour stub (see `tests.stub_server.main`) and notes each start."""
    boot = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from tests.stub_server import main; main(sys.argv[1:])"

    def command(server: LocalServer) -> list[str]:
        with starts.open("a") as handle:
            handle.write(f"{os.getpid()}\n")
        return [sys.executable, "-c", boot, str(server.port), "--gate", str(gate), "--log", str(log)]

    return command
