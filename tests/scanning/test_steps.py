"""Typed page edits: JSON conversion in one place, one apply, detection's marker."""

from __future__ import annotations

import pytest

from common.errors import InputError
from scanning import steps


def test_every_step_round_trips_through_json():
    typed = [
        steps.Page(index=2, detected=True),
        steps.Quad(points=((1.0, 2.0), (3.0, 2.0), (3.0, 4.0), (1.0, 4.0)), detected=True),
        steps.FullFrame(),
        steps.Paper(paper="a5"),
        steps.Dpi(dpi=300),
        steps.Rotate(degrees=270),
        steps.Deskew(degrees=1.5),
        steps.Mode(mode="gray"),
        steps.Budget(bytes=500_000),
    ]
    stored = steps.dump(typed)
    assert stored[0] == {"op": "page", "index": 2, "detected": True}
    assert stored[5] == {"op": "rotate", "degrees": 270}  # no marker for the user's steps
    assert steps.parse(stored) == typed
    with pytest.raises(AttributeError):  # immutable
        typed[0].index = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    "bad", [{"op": "explode"}, {"op": "dpi"}, {"op": "quad", "points": 5}, "rotate", None]
)
def test_unknown_or_malformed_steps_are_refused(bad):
    with pytest.raises(InputError):
        steps.from_json(bad)


def test_apply_folds_the_steps_the_last_of_a_kind_wins():
    typed = steps.parse(
        [
            {"op": "page", "index": 1},
            {"op": "quad", "points": [[0, 0], [10, 0], [10, 10], [0, 10]]},
            {"op": "rotate", "degrees": 90},
            {"op": "rotate", "degrees": 450},
            {"op": "deskew", "degrees": 0.5},
            {"op": "mode", "mode": "bw"},
            {"op": "full_frame"},
        ]
    )
    index, options, skew = steps.apply(typed)
    assert index == 1 and options.rotation == 90 and options.mode == "bw" and skew == 0.5
    assert options.full_frame and options.quad is None


def test_detections_marker_says_what_undo_keeps():
    proposed = steps.mark_detected([steps.Page(), steps.Mode(mode="color")])
    assert steps.was_detected(proposed) and not steps.was_detected([steps.Page()])
    assert steps.user_steps([*proposed, steps.Rotate(degrees=90)]) == 1
    legacy = [{"op": "page", "index": 0}, {"op": "mode", "mode": "color"}, {"op": "rotate"}]
    assert steps.legacy_detected_count(legacy) == 2


def test_scaled_steps_scale_points_and_resolution():
    typed = [steps.Quad(points=((10.0, 20.0),) * 4), steps.Dpi(dpi=300)]
    quad, dpi = steps.scaled(typed, 0.5)
    assert quad.points[0] == (5.0, 10.0) and dpi.dpi == 150
