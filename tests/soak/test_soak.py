"""The short soak of `make test` (issue 12): 40 s of random user actions on the real app in a
child process. The long one is `make soak` (10 minutes by default); both judge the same figures:
crash, lost references to None, errors in the log, memory growth, event-loop stalls."""

from __future__ import annotations

import pytest

from tests.soak.run import judge, run_soak

SHORT_SOAK_S = 40


@pytest.mark.slow
@pytest.mark.timeout(420)
def test_short_soak_of_the_real_app() -> None:
    figures = run_soak(SHORT_SOAK_S, seed=20261202, echo=False)
    for seed in (20261203, 20261204):
        if not figures["failures"] or not all("stalled" in f for f in figures["failures"]):
            break
        # measured here (docs/stability.md): 55-185 ms on an idle machine, up to 320 ms when
        # something else used the 2 cores; a stall must show in three runs to fail here
        # (`make soak` fails on the first)
        print(f"stall, checked again: {figures['failures']}")
        figures = run_soak(SHORT_SOAK_S, seed=seed, echo=False)
    print(
        f"short soak: {figures['actions']} actions, peak RSS {figures['peak_rss_mb']} MB, "
        f"longest stall {figures['longest_stall_ms']} ms, None drift {figures['none_drift']}"
    )
    assert figures["actions"] > 300, f"the driver hardly acted: {figures['by_action']}"
    assert len(figures["by_action"]) >= 15, f"too few kinds of action: {figures['by_action']}"
    assert not figures["failures"], "\n".join(figures["failures"]) + (
        f"\nstalls over 100 ms after: {figures['stalls_over_100ms']}"
    )


def test_the_judge_fails_each_kind_of_trouble() -> None:
    """The soak can fail: each criterion, alone, makes a failure."""
    good = {"actions": 1, "none_drift_min": 0, "rss_growth_mb": 10.0, "longest_stall_ms": 40.0,
            "stall_during": ""}  # fmt: skip
    quiet = {"log_error_count": 0, "exceptions": []}
    assert judge({}, quiet, 0, good, "") == []
    assert judge(None, quiet, -11, good, "Fatal Python error")  # a crash
    assert judge({}, quiet, 0, dict(good, none_drift_min=-50_000), "")
    assert judge({}, {"log_error_count": 1, "log_errors": ["x"], "exceptions": []}, 0, good, "")
    assert judge({}, {"log_error_count": 0, "exceptions": ["KeyError: 1"]}, 0, good, "")
    assert judge({}, quiet, 0, dict(good, rss_growth_mb=400.0), "")
    assert judge({}, quiet, 0, dict(good, longest_stall_ms=900.0), "")


def test_growth_is_measured_from_the_highest_resident_size_of_the_first_part() -> None:
    """A heap trim just before the baseline read as growth (the app trims every 20 s): the
    baseline is the first part's peak; a real rise after it still counts."""
    from tests.soak.run import RssSampler

    sampler = RssSampler.__new__(RssSampler)  # the figures only, no process to sample
    sampler.samples = [(5.0, 400.0), (10.0, 480.0), (13.0, 330.0), (20.0, 470.0), (30.0, 490.0)]
    assert sampler.growth_after(13.3) == 10.0  # not 160 (490 - 330)
    sampler.samples += [(40.0, 700.0)]
    assert sampler.growth_after(13.3) == 220.0
