"""Child process of test_crash.py: saves a dossier in a loop until it is killed.

Usage: python -S crash_child.py REPO_ROOT DOSSIER_DIR SEED
Each save makes the dossier's content a function of its revision (see `expected_state`), and
reports the revision on stdout once the save returned.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path


def fill_state(dossier, revision: int, rng: random.Random) -> None:
    """Make the content of `dossier` a checkable function of the revision it will be saved as."""
    count = 1 + revision % 7
    dossier.extra["crash"] = {
        "revision": revision,
        "items": [f"{revision}-{i}" for i in range(rng.randrange(1, 300))],
    }
    dossier.components = [c for c in dossier.components if not c.component_id.startswith("c-")]
    for i in range(count):
        dossier.component(f"c-{i}").note = f"{revision}"


def main() -> int:
    sys.path.insert(0, sys.argv[1])
    from dossier.workspace import Workspace

    workspace = Workspace.open(Path(sys.argv[2]))
    rng = random.Random(int(sys.argv[3]))
    os.write(1, f"{workspace.dossier.revision}\n".encode())
    while True:
        fill_state(workspace.dossier, workspace.dossier.revision + 1, rng)
        workspace.save()
        os.write(1, f"{workspace.dossier.revision}\n".encode())


if __name__ == "__main__":
    raise SystemExit(main())
