"""docs/python.md's walkthrough, run as written: every ```python block (but ```python notest)
in order, in a folder holding the demo's porto.gpkg, so the document stays true."""

import os
import re
import shutil

from conftest import ROOT


def walkthrough_code():
    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)
    assert len(blocks) >= 3
    return "\n".join(blocks)


def test_the_walkthrough_runs(porto, tmp_path, monkeypatch):
    shutil.copy(porto, tmp_path / "porto.gpkg")
    monkeypatch.chdir(tmp_path)
    scope = {}
    exec(compile(walkthrough_code(), "docs/python.md", "exec"), scope)
    for png in ("porto-coverage.png", "porto-speed-sweep.png"):
        assert (tmp_path / png).read_bytes()[:4] == b"\x89PNG"
    assert os.path.exists(tmp_path / "porto-evaluation.gpkg")
    covered = scope["covered"]
    assert len(covered) == 5 and covered == sorted(covered) and covered[-1] > covered[0] > 0
