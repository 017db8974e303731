"""A steppable simulation with views of its state and custom metrics."""

from __future__ import annotations

import re
from typing import Callable, Dict, List, Mapping, Optional, Union

import pandas as pd

from . import _core
from ._experiments import TIMESERIES_COLUMNS
from ._metrics import metric_names
from ._scenario import Overrides, ScenarioSource, load

MetricValue = Union[float, Mapping[str, float]]
MetricFunction = Callable[["Simulation"], MetricValue]

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_DIRECTIONS = ("higher", "lower")


class CustomMetric:
    """A metric computed in Python at every output step (Simulation.add_metric)."""

    def __init__(self, name: str, fn: MetricFunction, direction: str, label: str) -> None:
        self.name, self.fn, self.direction, self.label = name, fn, direction, label

    def rows(self, sim: "Simulation") -> List[tuple]:
        value = self.fn(sim)
        items = value.items() if isinstance(value, Mapping) else [("all", value)]
        out = []
        for subject, number in items:
            try:
                number = float(number)
            except (TypeError, ValueError):
                raise TypeError(
                    f"metric {self.name!r}: expected a number (or a dict subject -> number), "
                    f"got {number!r}"
                ) from None
            out.append((sim.now, self.name, str(subject), number))
        return out


class Simulation(_core.Simulation):
    """One replicate of a scenario, stepped from Python.

        sim = detente.Simulation("scenarios/baseline.yaml", seed=7)
        sim.step(52)                 # releases the GIL; stops at the last step
        sim.trust["south"]           # each agent's trust toward south: a view, no copy
        frame = sim.run()            # to the end, recording like `detente run`

    Views (trust, anchors: {group: array}; group, role, marginalised: arrays
    indexed by agent) are read-only numpy arrays over the engine's own memory,
    valid while the Simulation lives. Trust is double-buffered, so read
    sim.trust again after a step rather than keeping the dict across steps.
    A classic model (dynamics.classic.model) has no trust state: use record().
    """

    def __init__(
        self,
        scenario: ScenarioSource,
        replicate: int = 0,
        *,
        overrides: Overrides = None,
        seed: Optional[int] = None,
    ) -> None:
        self.scenario = load(scenario, overrides, seed=seed)
        super().__init__(self.scenario, replicate)
        self.replicate = replicate
        self._custom: Dict[str, CustomMetric] = {}

    def add_metric(
        self,
        name: str,
        fn: MetricFunction,
        direction: str = "higher",
        label: Optional[str] = None,
    ) -> None:
        """Adds a metric computed by fn(sim) at every recorded step.

        fn returns a number (subject "all") or a dict {subject: number}. Its
        rows join record() and run() like the built-in metrics; direction
        ("higher" or "lower") says which way is better, as in the metric table.
        This is the slow path: fn runs in Python, holding the GIL, at every
        output step (README "From Python" gives the measured cost).
        """
        if not isinstance(name, str) or not _NAME.match(name):
            raise ValueError(f"metric name {name!r}: expected lower_case letters, digits and _")
        if name in self._custom or name in metric_names():
            raise ValueError(f"metric name {name!r} is taken; choose another")
        if direction not in _DIRECTIONS:
            raise ValueError(f"direction {direction!r}: expected 'higher' or 'lower'")
        if not callable(fn):
            raise TypeError("fn: expected a function of the simulation")
        self._custom[name] = CustomMetric(name, fn, direction, label or name)

    @property
    def custom_metrics(self) -> pd.DataFrame:
        """The metrics added with add_metric: name, better, label."""
        return pd.DataFrame(
            [(m.name, m.direction, m.label) for m in self._custom.values()],
            columns=["name", "better", "label"],
        )

    def record(self) -> pd.DataFrame:  # type: ignore[override]
        """The metrics of the current state: step, metric, subject, value."""
        frame = pd.DataFrame(super().record(), columns=["step", "metric", "subject", "value"])
        extra = [row for m in self._custom.values() for row in m.rows(self)]
        if extra:
            frame = pd.concat([frame, pd.DataFrame(extra, columns=frame.columns)], ignore_index=True)
        return frame

    def run(self, arm: str = "base") -> pd.DataFrame:
        """Steps to the end, recording as `detente run` does (step 0, every
        outputs.every steps, the last; a converged run's state stands for the
        skipped steps); returns the rows in timeseries.csv's columns."""
        frames = [self.record()] if self.now == 0 else []
        while self.now < self.steps and not self.converged:
            self.step(self._steps_to_next_output())
            if self.is_output_step(self.now) or self.converged:
                frames.append(self.record())
        if self.converged and self.now < self.steps:
            final = self.record()
            final["step"] = self.steps
            frames.append(final)
        frame = pd.concat(frames, ignore_index=True)
        frame.insert(0, "replicate", self.replicate)
        frame.insert(0, "arm", arm)
        return frame[TIMESERIES_COLUMNS]

    def ties_frame(self) -> pd.DataFrame:
        """The cross-group ties (copies): source, target, strength, setting, programme."""
        return pd.DataFrame(self.ties())

    def _steps_to_next_output(self) -> int:
        t = self.now + 1
        while t < self.steps and not self.is_output_step(t):
            t += 1
        return t - self.now

