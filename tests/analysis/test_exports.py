"""outputs.network (edges.csv, network.graphml) and agents.csv's agent columns,
checked against each other on a real run with an exchange programme."""
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from conftest import run_detente

SMALL_EXCHANGES = ["scenarios/journalists_vs_exchanges.yaml", "--quiet", "--arm", "more_exchanges",
                   "--set", "population.groups.north.size=300",
                   "--set", "population.groups.south.size=300", "--set", "steps=60",
                   "--set", "outputs.agents=[-1]", "--set", "outputs.network=[0,-1]",
                   "--set", "outputs.graphml=true"]
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports") / "run"
    run_detente("run", *SMALL_EXCHANGES, "--out", str(out))
    return out


def incident(edges, kinds):
    chosen = edges[edges["kind"].isin(kinds)]
    return pd.concat([chosen["source"], chosen["target"]]).value_counts()


def test_edges_csv_has_the_contract_columns_and_kinds(exported):
    edges = pd.read_csv(exported / "edges.csv")
    assert list(edges.columns) == ["arm", "replicate", "step", "source", "target", "kind",
                                   "strength"]
    assert set(edges["step"]) == {0, 60}
    assert set(edges["arm"]) == {"base", "more_exchanges"}
    assert set(edges["kind"]) <= {"within", "between", "programme"}
    assert (edges["strength"] > 0).all()
    last = edges[edges["step"] == 60]
    # Exchanges ran by step 60: programme ties exist then, none at step 0.
    assert (last["kind"] == "programme").any()
    assert not (edges[edges["step"] == 0]["kind"] == "programme").any()


def test_agents_columns_agree_with_the_edges(exported):
    agents = pd.read_csv(exported / "agents.csv")
    assert list(agents.columns)[:7] == ["arm", "replicate", "step", "agent", "group", "subject",
                                        "value"]
    assert list(agents.columns)[7:] == ["role", "marginalised", "degree", "cross_ties",
                                        "participant", "participation"]
    edges = pd.read_csv(exported / "edges.csv")
    for arm in ("base", "more_exchanges"):
        people = agents[(agents["arm"] == arm)].drop_duplicates("agent").set_index("agent")
        ties = edges[(edges["arm"] == arm) & (edges["step"] == 60)]
        # degree: the social network's neighbours, within and between groups.
        social = incident(ties, ["within", "between"]).reindex(people.index, fill_value=0)
        assert (people["degree"] == social).all()
        # cross_ties: every cross-group tie, programme ties included.
        cross = incident(ties, ["between", "programme"]).reindex(people.index, fill_value=0)
        assert (people["cross_ties"] == cross).all()
        # A team member took part; exchanges make both.
        assert (people.loc[people["participation"] > 0, "participant"] == 1).all()
        assert (people["participation"] > 0).sum() > 0
        assert set(people["marginalised"]) <= {0, 1}
        assert people["role"].notna().all()


def test_graphml_holds_one_graph_per_arm_replicate_and_step(exported):
    root = ET.parse(exported / "network.graphml").getroot()
    graphs = root.findall(f"{GRAPHML}graph")
    assert sorted(g.get("id") for g in graphs) == ["base/0/0", "base/0/60", "more_exchanges/0/0",
                                                    "more_exchanges/0/60"]
    edges = pd.read_csv(exported / "edges.csv")
    for graph in graphs:
        arm, _, step = graph.get("id").split("/")
        nodes = graph.findall(f"{GRAPHML}node")
        assert len(nodes) == 600
        expected = edges[(edges["arm"] == arm) & (edges["step"] == int(step))]
        assert len(graph.findall(f"{GRAPHML}edge")) == len(expected)


def test_a_classic_model_refuses_outputs_network():
    result = run_detente("check", "scenarios/classic/deffuant.yaml", "--set", "outputs.network=[-1]",
                         check=False)
    assert result.returncode == 2
    assert "outputs.network" in result.stderr
