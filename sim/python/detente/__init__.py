"""detente from Python: load scenarios, run experiments, step a simulation.

    import detente
    frame = detente.run("scenarios/baseline.yaml", seed=7)      # timeseries.csv as a DataFrame
    sim = detente.Simulation("scenarios/baseline.yaml")
    sim.step(52)
    sim.trust["south"]                                          # a read-only view, no copy

Everything runs through the same C++ code as the `detente` command, so the
same scenario and seed give the same bits. Bad input raises ScenarioError (a
ValueError) with the command line's located message and its parts as the
attributes file, line, column and key_path.
"""

from ._core import ScenarioError, Scenario, __version__
from ._scenario import load
from ._experiments import run, compare, sweep
from ._simulation import Simulation
from ._metrics import metric_table, metric_names

__all__ = [
    "ScenarioError",
    "Scenario",
    "Simulation",
    "load",
    "run",
    "compare",
    "sweep",
    "metric_table",
    "metric_names",
    "__version__",
]
