"""Scenarios from files, dicts or loaded Scenario objects, with overrides."""

from __future__ import annotations

import json
import math
import os
from typing import Any, Iterable, Mapping, Union

import yaml

from . import _core

ScenarioSource = Union[str, "os.PathLike[str]", Mapping[str, Any], _core.Scenario]
Overrides = Union[Mapping[str, Any], Iterable[str], None]

# How a scenario given as a dict is named in messages (FILE of FILE:LINE:COLUMN).
DICT_NAME = "<dict>"


def _value_text(value: Any) -> str:
    """An override's value as the YAML text `--set path=VALUE` would carry."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)  # refused by the loader with its own message
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value)  # JSON is YAML's flow style
    raise TypeError(f"override value {value!r}: expected a number, string, bool, list or dict")


def override_tuples(overrides: Overrides, seed: int | None = None) -> list[tuple[str, str, str]]:
    """(path, value text, label) as the command line builds them: seed first."""
    out: list[tuple[str, str, str]] = []
    if seed is not None:
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise TypeError(f"seed: expected an integer, got {seed!r}")
        out.append(("seed", str(seed), f"seed={seed}"))
    if overrides is None:
        return out
    if isinstance(overrides, str):
        raise TypeError("overrides: expected a dict {path: value} or a list of 'path=value'")
    if isinstance(overrides, Mapping):
        for path, value in overrides.items():
            if not isinstance(path, str):
                raise TypeError(f"override path {path!r}: expected a string")
            text = _value_text(value)
            out.append((path, text, f"overrides[{path!r}]={text}"))
        return out
    for assignment in overrides:
        if not isinstance(assignment, str) or "=" not in assignment:
            raise TypeError(f"override {assignment!r}: expected 'path=value'")
        path, text = assignment.split("=", 1)
        out.append((path.strip(), text, f"overrides {assignment!r}"))
    return out


def _dict_yaml(scenario: Mapping[str, Any]) -> str:
    try:
        return yaml.safe_dump(dict(scenario), sort_keys=False, allow_unicode=True)
    except yaml.YAMLError as error:  # a value YAML cannot hold (an object, a set, ...)
        raise TypeError(f"{DICT_NAME}: cannot be read as a scenario: {error}") from None


def load(source: ScenarioSource, overrides: Overrides = None, *, seed: int | None = None) -> _core.Scenario:
    """A validated scenario from a YAML file, a dict, or a Scenario.

    overrides: {path: value} or ["path=value", ...], exactly like `--set`
    (population.groups.north.size=50000, media.0.slant=-0.2). seed: like
    `--seed`. A dict is read as the YAML it would be written as; messages
    name it <dict> and give the key path. Raises ScenarioError (with file,
    line, column and key_path) for anything the command line would refuse.
    """
    given = override_tuples(overrides, seed)
    if isinstance(source, _core.Scenario):
        if not given:
            return source
        return _core.load_text(source.to_yaml(), source.source or source.name, given)
    if isinstance(source, Mapping):
        return _core.load_text(_dict_yaml(source), DICT_NAME, given)
    if isinstance(source, (str, os.PathLike)):
        return _core.load_file(os.fspath(source), given)
    raise TypeError(f"expected a path, a dict or a detente.Scenario, got {type(source).__name__}")
