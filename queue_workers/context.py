"""The runtime the actors use. Set explicitly by ``serve``/tests; otherwise built from the
environment on first use (``eingang worker``)."""

from __future__ import annotations

from eingang.runtime import Runtime
from eingang.settings import get_settings

_runtime: Runtime | None = None


def set_runtime(runtime: Runtime | None) -> None:
    global _runtime
    _runtime = runtime


def current_runtime() -> Runtime:
    global _runtime
    if _runtime is None:
        _runtime = Runtime(get_settings())
    return _runtime
