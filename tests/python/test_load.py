"""detente.load: files, dicts and overrides, with the CLI's located errors."""
import textwrap

import pytest
import yaml

import detente

BASELINE = "scenarios/baseline.yaml"


def baseline_dict():
    with open(BASELINE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_a_file_a_dict_and_a_scenario_give_the_same_scenario():
    from_file = detente.load(BASELINE)
    from_dict = detente.load(baseline_dict())
    assert from_file.name == "baseline"
    assert from_dict.to_yaml() == from_file.to_yaml()
    assert detente.load(from_file) is from_file


def test_overrides_and_seed_act_like_set_and_seed():
    s = detente.load(BASELINE, {"steps": 40, "population.groups.north.size": 300}, seed=9)
    assert (s.steps, s.seed) == (40, 9)
    assert "size: 300" in s.to_yaml()
    listed = detente.load(BASELINE, ["steps=40", "population.groups.north.size=300"], seed=9)
    assert listed.to_yaml() == s.to_yaml()
    # Overriding a loaded scenario reloads it with the override.
    assert detente.load(s, {"steps": 12}).steps == 12


def test_a_bad_file_raises_with_file_line_column_and_key_path(tmp_path):
    path = tmp_path / "bad.yaml"
    text = open(BASELINE, encoding="utf-8").read().replace("steps: 520", "steps: -5")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("steps: -5") + 1
    with pytest.raises(detente.ScenarioError) as caught:
        detente.load(str(path))
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.file == str(path)
    assert (error.line, error.column) == (line, 8)
    assert error.key_path == "steps"
    assert str(error).startswith(f"{path}:{line}:8: steps: ")


def test_an_unknown_key_in_a_dict_is_located_with_a_suggestion():
    scenario = baseline_dict()
    scenario["dynamics"]["influense"] = scenario["dynamics"].pop("influence")
    with pytest.raises(detente.ScenarioError) as caught:
        detente.load(scenario)
    error = caught.value
    assert error.file == "<dict>"
    assert error.key_path == "dynamics.influense"
    assert "influence" in str(error)  # the did-you-mean


def test_a_wrong_type_in_a_dict_raises_a_located_error():
    scenario = baseline_dict()
    scenario["population"]["groups"][1]["size"] = "many"
    with pytest.raises(detente.ScenarioError) as caught:
        detente.load(scenario)
    assert caught.value.key_path.startswith("population.groups")
    assert "many" in str(caught.value)


def test_a_bad_override_is_named_as_given():
    with pytest.raises(detente.ScenarioError, match="dynamics.contact.rate"):
        detente.load(BASELINE, {"dynamics.contact.rate": -1})
    with pytest.raises(detente.ScenarioError, match="seed"):
        detente.load(BASELINE, seed=-1)


def test_values_python_cannot_pass_raise_type_errors():
    with pytest.raises(TypeError):
        detente.load({"name": object()})
    with pytest.raises(TypeError):
        detente.load(BASELINE, {"steps": object()})
    with pytest.raises(TypeError):
        detente.load(42)
