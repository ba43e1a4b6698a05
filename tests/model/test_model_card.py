"""docs/MODEL.md's calibration results are the model's own: regenerated, they come out the same."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _report_module():
    spec = importlib.util.spec_from_file_location("calibration_report", ROOT / "tools" / "calibration_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_model_card_shows_the_current_calibration():
    report = _report_module()
    card = (ROOT / "docs" / "MODEL.md").read_text(encoding="utf-8")
    start, end = card.index(report.START) + len(report.START), card.index(report.END)
    expected = "\n\n## Calibration results\n\n" + report.report() + "\n"
    assert card[start:end] == expected, "run: python tools/calibration_report.py --write docs/MODEL.md"
