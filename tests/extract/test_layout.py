"""The extraction package stays navigable: sub-packages by what they find, no import cycle, small modules."""
import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "kg" / "extract"
MAX_LINES = 400


def _module(path: Path) -> str:
    parts = path.relative_to(PKG.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The kg.extract modules ``path`` imports (relative and absolute, at any depth of the file)."""
    name = _module(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("kg.extract"):
                found.add(target)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in PKG.rglob("*.py")}
    return {m: {t for t in _imports(p) if t in modules and t != m} for m, p in modules.items()}


def test_extract_has_one_subpackage_per_kind_of_fact():
    subpackages = {p.parent.name for p in PKG.glob("*/__init__.py")}
    assert {"actors", "meetings", "proposals", "claims", "text"} <= subpackages


@pytest.mark.parametrize("path", sorted(PKG.rglob("*.py")), ids=lambda p: str(p.relative_to(PKG)))
def test_extract_module_is_small(path):
    assert len(path.read_text().splitlines()) <= MAX_LINES


def test_extract_has_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(m: str, stack: list[str]) -> bool:
        state[m] = 1
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                cycle.extend(stack[stack.index(t):] + [m, t] if t in stack else [m, t])
                return True
            if state.get(t) is None and visit(t, stack + [m]):
                return True
        state[m] = 2
        return False

    assert not any(state.get(m) is None and visit(m, []) for m in sorted(graph)), " -> ".join(cycle)


def test_text_helpers_import_no_extractor():
    graph = _graph()
    for m, targets in graph.items():
        if m.startswith("kg.extract.text"):
            assert all(t.startswith("kg.extract.text") for t in targets), (m, targets)
