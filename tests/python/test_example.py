"""The worked example in analysis/examples/ runs and says what it promises."""
import os
import subprocess
import sys

import pandas as pd

from conftest import PYTHON_DIR, ROOT


def test_the_quickstart_example_runs_and_writes_its_tables(tmp_path):
    env = {**os.environ, "PYTHONPATH": PYTHON_DIR}
    result = subprocess.run(
        [sys.executable, "analysis/examples/python_quickstart.py", "--small", "--out", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "north's trust in south" in result.stdout
    series = pd.read_csv(tmp_path / "timeseries.csv")
    assert list(series.columns) == ["arm", "replicate", "step", "metric", "subject", "value"]
    custom = pd.read_csv(tmp_path / "custom_metric.csv")
    assert set(custom["metric"]) == {"warmer_than_at_start"}
    assert custom["value"].between(0, 1).all()
    assert len(pd.read_csv(tmp_path / "compare.csv")) > 0
