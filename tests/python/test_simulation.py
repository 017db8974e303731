"""detente.Simulation: stepping, zero-copy read-only views, ties, the GIL."""
import threading
import time

import numpy as np
import pandas as pd
import pytest

import detente
from conftest import SMALL

BASELINE = "scenarios/baseline.yaml"


def small_sim(**extra):
    return detente.Simulation(BASELINE, overrides={**SMALL, **extra}, seed=3)


def address(array):
    return array.__array_interface__["data"][0]


def test_views_are_the_engines_memory_and_read_only():
    sim = small_sim()
    names = sim.group_names
    assert names == ["north", "south"]
    for h, name in enumerate(names):
        assert address(sim.trust[name]) == sim._address("trust", h)
        assert address(sim.anchors[name]) == sim._address("anchors", h)
    assert address(sim.group) == sim._address("group")
    assert address(sim.role) == sim._address("role")
    assert address(sim.marginalised) == sim._address("marginalised")
    assert sim.trust["south"].dtype == np.float32  # the scenario's precision, not a conversion
    assert len(sim.group) == 400 and set(np.unique(sim.group)) == {0, 1}
    with pytest.raises(ValueError):
        sim.trust["south"][0] = 1.0
    with pytest.raises(ValueError):
        sim.group[0] = 1


def test_views_follow_the_state_as_it_steps():
    sim = small_sim()
    north = sim.group == 0
    before = sim.trust["south"][north].copy()
    assert sim.step(10) == 10
    after = sim.trust["south"][north]
    assert not np.array_equal(before, after)
    # The view agrees with the engine's own metric of the same state.
    frame = sim.record()
    mean = frame.query("metric == 'mean' and subject == 'north->south'")["value"]
    assert len(mean) == 1
    assert mean.iloc[0] == pytest.approx(float(np.mean(after, dtype=np.float64)), rel=1e-5)


def test_step_stops_at_the_last_step_and_refuses_negative_counts():
    sim = small_sim(steps=5)
    assert sim.step(100) == 5 and sim.now == 5
    with pytest.raises(detente.ScenarioError):
        sim.step(-1)


def test_run_from_a_simulation_is_detente_run():
    frame = small_sim().run()
    expected = detente.run(BASELINE, overrides=SMALL, seed=3)
    pd.testing.assert_frame_equal(frame, expected, check_exact=True)


def test_ties_are_arrays_of_one_length_between_groups():
    sim = small_sim()
    sim.step(20)
    ties = sim.ties()
    n = len(ties["source"])
    assert n > 0
    assert all(len(column) == n for column in ties.values())
    group = sim.group
    assert np.all(group[ties["source"]] != group[ties["target"]])
    assert np.all((ties["strength"] > 0) & (ties["strength"] <= 1))


def test_step_releases_the_gil():
    sim = detente.Simulation(BASELINE, overrides={"steps": 400}, seed=3)
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    worker = threading.Thread(target=tick)
    worker.start()
    time.sleep(0.01)
    start = time.perf_counter()
    sim.step(60)
    end = time.perf_counter()
    stop.set()
    worker.join()
    during = [t for t in ticks if start < t < end]
    # With the GIL held the ticker could not run at all while stepping.
    assert end - start > 0.05
    assert len(during) >= 5, (end - start, len(during))


def test_a_second_thread_cannot_step_the_same_simulation_at_once():
    sim = detente.Simulation(BASELINE, overrides={"steps": 400}, seed=3)
    errors = []

    def step():
        try:
            sim.step(100)
        except RuntimeError as error:
            errors.append(error)

    threads = [threading.Thread(target=step) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Either the steps overlapped and one was refused, or they ran one after the other.
    assert sim.now in (100, 200)
    assert (sim.now == 100) == (len(errors) == 1)
