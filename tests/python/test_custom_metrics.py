"""Simulation.add_metric: Python metrics that join the time series."""
import numpy as np
import pytest

import detente
from conftest import SMALL

BASELINE = "scenarios/baseline.yaml"


def small_sim():
    return detente.Simulation(BASELINE, overrides=SMALL, seed=3)


def test_a_custom_metric_is_recorded_at_every_output_step_with_the_state_it_saw():
    sim = small_sim()
    seen = {}

    def north_warmth(s):
        value = float(np.mean(s.trust["south"][s.group == 0], dtype=np.float64))
        seen[s.now] = value
        return value

    sim.add_metric("north_warmth", north_warmth, direction="higher", label="North's warmth")
    frame = sim.run()
    custom = frame[frame["metric"] == "north_warmth"]
    builtin_steps = sorted(set(frame.loc[frame["metric"] != "north_warmth", "step"]))
    assert sorted(custom["step"]) == builtin_steps  # every output step, no more
    assert set(custom["subject"]) == {"all"}
    assert dict(zip(custom["step"], custom["value"])) == seen
    # The built-in rows are untouched by the extra metric.
    plain = small_sim().run()
    assert frame[frame["metric"] != "north_warmth"].reset_index(drop=True).equals(plain)
    assert sim.custom_metrics.to_dict("records") == [
        {"name": "north_warmth", "better": "higher", "label": "North's warmth"}]


def test_a_custom_metric_may_report_several_subjects():
    sim = small_sim()
    sim.add_metric("group_size", lambda s: {name: float(np.sum(s.group == g))
                                            for g, name in enumerate(s.group_names)})
    frame = sim.record()
    rows = frame[frame["metric"] == "group_size"].set_index("subject")["value"]
    assert rows.to_dict() == {"north": 200.0, "south": 200.0}


def test_bad_metrics_are_refused_and_errors_in_them_reach_python():
    sim = small_sim()
    with pytest.raises(ValueError, match="taken"):
        sim.add_metric(detente.metric_names()[0], lambda s: 0.0)
    with pytest.raises(ValueError, match="direction"):
        sim.add_metric("x", lambda s: 0.0, direction="up")
    with pytest.raises(ValueError, match="name"):
        sim.add_metric("Bad Name", lambda s: 0.0)
    sim.add_metric("broken", lambda s: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        sim.record()
    other = small_sim()
    other.add_metric("words", lambda s: "many")
    with pytest.raises(TypeError, match="words"):
        other.record()
