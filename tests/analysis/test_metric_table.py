"""One metric table: analysis/ and the workshop page name only metrics that
detente's table has, take labels and directions from it, and keep no list of
metric names of their own."""
import ast
import json
import re

from conftest import ROOT, run_detente

from analysis import metrics

# Names that are also summary.csv columns or plain words: a literal "mean" is
# usually the column, so these cannot tell a metric list from other code.
AMBIGUOUS = {"mean", "median", "sd", "p10", "p90", "spending"}


def test_the_json_is_what_detente_prints():
    printed = json.loads(run_detente("metrics", "--json").stdout)
    assert printed == json.loads(metrics.TABLE_FILE.read_text(encoding="utf-8")), (
        "analysis/metric_table.json is stale: cmake --build --preset dev --target update-docs")
    assert len(printed) >= 30
    for row in printed:
        assert set(row) == {"name", "model", "subjects", "unit", "better", "scale", "label",
                            "short_label", "meaning", "watchable"}
        assert row["better"] in ("higher", "lower")
        assert row["scale"] in ("trust_level", "public_share", "share", "other")
        # A share is read in percentage points; a level of trust against the spread of people.
        if row["scale"] in ("public_share", "share"):
            assert metrics.is_share(row["name"]), row["name"]
        if row["scale"] == "trust_level":
            assert metrics.is_trust(row["name"]), row["name"]
        assert metrics.scale(row["name"]) == row["scale"]


def test_named_refuses_a_metric_the_table_lacks():
    assert metrics.named("political_space") == "political_space"
    try:
        metrics.named("political_spaces")
    except KeyError as error:
        assert "not in detente's metric table" in str(error)
    else:
        raise AssertionError("an unknown metric was accepted")
    assert metrics.lower_is_better("hostile_share") and not metrics.lower_is_better("mean")
    assert metrics.is_share("political_space") and metrics.is_trust("mean")


def _python_sources():
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        yield path, path.read_text(encoding="utf-8")


def test_every_metric_named_in_analysis_and_the_page_is_in_the_table():
    table = metrics.table()
    pattern_py = re.compile(r"""named\(\s*["']([a-z_0-9]+)["']\s*\)""")
    pattern_js = re.compile(r"""(?:metric|metricLabel|series)\(\s*'([a-z_0-9]+)'""")
    found = []
    for path, text in _python_sources():
        found += [(path, name) for name in pattern_py.findall(text)]
    for path in sorted((ROOT / "sim" / "serve" / "web").glob("*.js")):
        found += [(path, name) for name in pattern_js.findall(path.read_text(encoding="utf-8"))]
    assert len(found) >= 10, "the scan found too few references to be looking at the right code"
    unknown = [f"{path.relative_to(ROOT)}: {name}" for path, name in found if name not in table]
    assert not unknown, "metrics not in detente's table:\n" + "\n".join(unknown)


def test_analysis_keeps_no_list_of_metric_names_of_its_own():
    """No set, list, tuple or dict literal holds two or more metric names as
    plain strings: such a list would drift from the table."""
    names = set(metrics.table()) - AMBIGUOUS
    offenders = []
    for path, text in _python_sources():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
                items = node.elts
            elif isinstance(node, ast.Dict):
                items = [k for k in node.keys if k is not None]
            else:
                continue
            literal = [e.value for e in items if isinstance(e, ast.Constant) and e.value in names]
            if len(literal) >= 2:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {literal}")
    assert not offenders, "metric lists outside the table:\n" + "\n".join(offenders)
