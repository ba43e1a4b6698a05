"""Copy the full campaign's initial state into the Bukharin scenario after a recalibration.

    python tools/sync_copies.py

scenarios/bukharin_alternative.yaml states its initial state whole (a scenario part must), and
differs from common/initial_state.yaml only in its political starting point (fear, peasant
unrest). tools/calibrate.py --apply rewrites common/initial_state.yaml; this rewrites the copy to
match, keeping the Bukharin file's own lines for fear and unrest.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = ("fear", "peasant_unrest")


def main() -> int:
    common = (ROOT / "scenarios" / "common" / "initial_state.yaml").read_text(encoding="utf-8")
    target = ROOT / "scenarios" / "bukharin_alternative.yaml"
    text = target.read_text(encoding="utf-8")
    body = common[common.index("initial_state:\n") + len("initial_state:\n"):]
    body = "".join(line for line in body.splitlines(keepends=True)
                   if not re.match(rf"  ({'|'.join(OWN)}):", line))
    start = text.index("initial_state:\n") + len("initial_state:\n")
    end = text.index("  # [scenario] The Politburo has just renounced")
    target.write_text(text[:start] + body + text[end:], encoding="utf-8")
    print(f"updated {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
