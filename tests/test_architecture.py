"""The packages' one-way rule (pyproject.toml [tool.importlinter], docs/architecture.md)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd):
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_import_contract_is_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("articles/models/section.py", "from ..public import views", "Models import no pages"),
        ("articles/quotes/scan.py", "import django.db", "Quote extraction is pure Python"),
        ("articles/wire/furniture.py", "import django.utils", "The plain-text wire parser is pure Python"),
        ("articles/public/related.py", "from ..desk import forms", "Public pages never import the desk"),
        ("articles/derived/search.py", "import bench.corpus", "The site never imports its tooling"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(tmp_path, module, line, contract):
    """The check can fail: the same tree with one forbidden import planted is refused."""
    for package in ("articles", "newsroom", "bench", "soak"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    planted = tmp_path / module
    planted.write_text(f"{line}  # planted by the test\n{planted.read_text()}")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert f"{contract}" in result.stdout and "BROKEN" in result.stdout
