"""README command 1 installs only ``[project].dependencies`` (no ``[dev]``): every third-party
module that the installed packages import must come from a distribution that those dependencies
bring, directly or through their own requirements. Read statically from the sources, so a
module imported lazily counts too."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLED = ("eingang", "intake", "classifiers", "casework", "queue_workers", "models", "web")


def imported_top_level_modules() -> dict[str, str]:
    """``module -> first file importing it`` for absolute imports in the installed packages."""
    found: dict[str, str] = {}
    for package in INSTALLED:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return found


def requirement_name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;(]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def closure(names: set[str]) -> set[str]:
    """The distributions ``names`` bring when installed (requirements without an extra marker)."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [requirement_name(r) for r in requires if "extra ==" not in r]
    return seen


def test_every_imported_library_comes_with_the_runtime_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {requirement_name(r) for r in project["dependencies"]}
    declared |= {"redis"} if any(r.startswith("dramatiq[redis]") for r in project["dependencies"]) else set()
    available = closure(declared)
    distributions = metadata.packages_distributions()
    missing = {}
    for module, where in imported_top_level_modules().items():
        if module in INSTALLED or module in sys.stdlib_module_names or module == "tests":
            continue
        owners = {d.lower().replace("_", "-") for d in distributions.get(module, [])}
        assert owners, f"{module} (imported in {where}) belongs to no installed distribution"
        if not owners & available:
            missing[module] = (where, sorted(owners))
    assert not missing, f"imported but not brought by [project].dependencies: {missing}"
