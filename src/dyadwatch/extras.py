"""Optional features and the extra that installs each: a command that needs one that is missing
stops with a message naming it, rather than an ImportError from deep inside."""
from __future__ import annotations

import importlib

# extra -> the modules it provides (what `pip install 'dyadwatch[EXTRA]'` brings)
EXTRAS: dict[str, tuple[str, ...]] = {
    "dask": ("dask", "distributed"),
    "parquet": ("pyarrow",),
    "plot": ("matplotlib",),
}


class MissingExtra(ImportError):
    """A feature whose optional dependencies are not installed."""

    def __init__(self, extra: str, what: str) -> None:
        self.extra = extra
        super().__init__(f"{what} needs the '{extra}' extra: pip install 'dyadwatch[{extra}]'")


def installed(extra: str) -> bool:
    try:
        for module in EXTRAS[extra]:
            importlib.import_module(module)
    except ImportError:
        return False
    return True


def require(extra: str, what: str) -> None:
    """Raise MissingExtra unless every module of `extra` imports; `what` names the feature
    ("export --format parquet")."""
    if not installed(extra):
        raise MissingExtra(extra, what)
