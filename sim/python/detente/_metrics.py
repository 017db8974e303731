"""The metric table (the one list of metrics, `detente metrics --json`)."""

from __future__ import annotations

import functools
import json
from typing import List

import pandas as pd

from . import _core


@functools.lru_cache(maxsize=1)
def _entries() -> tuple:
    return tuple(json.loads(_core.metric_table_json()))


def metric_table() -> pd.DataFrame:
    """Every built-in metric: name, model, subjects, unit, better, scale, label, ..."""
    return pd.DataFrame(list(_entries()))


def metric_names() -> List[str]:
    """The built-in metrics' names, in the table's order."""
    return [entry["name"] for entry in _entries()]
