"""A few hundred bad dicts through detente.load: each loads or raises a Python
exception; none crashes the interpreter (a crash fails the whole session)."""
import copy
import random

import pytest
import yaml

import detente

CASES = 400
WRONG_VALUES = [None, -1, 0, 2**70, -(2**63), 1e308, float("nan"), float("inf"), "", "x" * 5000,
                "ünïcødé \u202e", [], [1, "a"], {}, {"dist": "beta", "a": -1}, True, 0.5,
                [[[[[[[[[[[]]]]]]]]]]], {"name": {"name": {"name": {}}}}]


def paths(tree, prefix=()):
    yield prefix
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from paths(value, prefix + (index,))


def mutate(tree, rng):
    target = rng.choice([p for p in paths(tree) if p])
    parent = tree
    for step in target[:-1]:
        parent = parent[step]
    last = target[-1]
    action = rng.randrange(4)
    if action == 0:
        parent[last] = copy.deepcopy(rng.choice(WRONG_VALUES))
    elif action == 1:
        del parent[last]
    elif action == 2 and isinstance(parent, dict):
        parent[last + "_unknown"] = copy.deepcopy(rng.choice(WRONG_VALUES))
    else:
        old = parent[last]
        parent[last] = {"nested": old} if rng.random() < 0.5 else [copy.deepcopy(old) for _ in range(3)]


def test_bad_dicts_raise_python_exceptions_and_never_crash():
    with open("scenarios/baseline.yaml", encoding="utf-8") as handle:
        base = yaml.safe_load(handle)
    base["steps"] = 8  # loading only; keep any accidental run small
    rng = random.Random(17)
    outcomes = {"loaded": 0, "located": 0, "other": 0}
    for _ in range(CASES):
        tree = copy.deepcopy(base)
        for _ in range(rng.randint(1, 4)):
            mutate(tree, rng)
        try:
            detente.load(tree)
            outcomes["loaded"] += 1
        except detente.ScenarioError as error:
            assert str(error)
            outcomes["located" if error.file == "<dict>" else "other"] += 1
        except (TypeError, ValueError, RecursionError):
            outcomes["other"] += 1
    # Most mutations are errors, and those say where in the dict they are.
    assert outcomes["located"] > CASES // 2, outcomes


def test_a_deeply_nested_dict_is_refused_not_crashed():
    deep = {}
    node = deep
    for _ in range(5000):
        node["x"] = {}
        node = node["x"]
    with pytest.raises((detente.ScenarioError, RecursionError, TypeError)):
        detente.load({"name": "deep", "population": deep})
