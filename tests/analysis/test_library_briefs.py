"""The brief of every shipped scenario with arms, from a real `detente compare`.

Each scenario runs at a reduced size (1,000 people a side, one year, two
replicates), so the answers are noisy: exactly the case in which a brief must
not call noise or a loss the strategy that does most. Checked for every
brief: no "buys the most" or "best"; every "X does most for Y" and every
rank 1 (compare.csv's and the cost table's) names an arm whose 95% interval
on that outcome lies wholly on the better side of zero; the base is never
"no change"; the provenance shows the command that made the folder.
"""
import html as html_module
import re
from pathlib import Path

import pytest
import yaml

from analysis import comparison, contract, headline, report, style
from conftest import ROOT, run_detente

LIBRARY = sorted(p for p in (ROOT / "scenarios").glob("*.yaml")
                 if (yaml.safe_load(p.read_text()) or {}).get("arms"))


def small(path):
    """Overrides that shrink a scenario to 1,000 people a side and one year,
    its crises moved into that year (weeks 20, 25, …) so that they still happen."""
    # The resolved scenario (`detente check` prints it), since a library file
    # inherits its groups and crises from the world it extends.
    scenario = yaml.safe_load(run_detente("check", str(path.relative_to(ROOT))).stdout)
    sets = ["--set", "steps=52"]
    for group in scenario["population"]["groups"]:
        sets += ["--set", f"population.groups.{group['name']}.size=1000"]
    events = ((scenario.get("dynamics") or {}).get("shocks") or {}).get("events") or []
    for i, _ in enumerate(events):
        sets += ["--set", f"dynamics.shocks.events.{i}.step={20 + 5 * i}"]
    return sets


def test_the_library_has_scenarios_with_arms():
    assert len(LIBRARY) >= 9


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_library_brief_never_ranks_noise_or_a_loss(path, tmp_path):
    out = tmp_path / path.stem
    run_detente("compare", str(path.relative_to(ROOT)), "--quiet", "--replicates", "2",
                *small(path), "--out", str(out))
    results = contract.load(out)
    page = report.build(results)
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", page))
    assert "buys the most" not in text
    assert "no change" not in text
    # "best" nowhere the brief draws conclusions (the scenario's own
    # description, quoted in the question, may use the word).
    for section in ("headline", "comparison", "cost"):
        found = re.search(rf'<section id="{section}">(.*?)</section>', page, re.S)
        if found:
            assert not re.search(r"\bbest\b", re.sub(r"<[^>]+>", " ", found.group(1)), re.I)

    table = results.compare
    final = table[table["window"] == "final"]
    labels = {}
    for (metric, subject), _ in final.groupby(["metric", "subject"], sort=False):
        labels[headline._outcome_label(metric, subject)] = (metric, subject)
    # Every "X does most for Y" names an arm that beats the base on Y.
    claims = re.findall(r", ([^,]+?) does most for (.+?): ", text)
    for arm_label, outcome in claims:
        metric, subject = labels[outcome]
        rows = final[(final["metric"] == metric) & (final["subject"] == subject)]
        row = rows[rows["arm"].map(style.arm_label) == arm_label].iloc[0]
        assert comparison.beats(row), f"{arm_label} does most for {outcome}, but: {dict(row)}"
    # compare.csv: a rank only for an arm that beats the base.
    ranked = table[table["rank"].notna()]
    assert ranked.apply(comparison.beats, axis=1).all()
    unranked = table[table["rank"].isna()]
    assert not unranked.apply(comparison.beats, axis=1).any()
    # The cost table's rank 1, if any, beats the base and spends more than it.
    cost = re.search(r'<section id="cost">(.*?)</section>', page, re.S)
    if cost:
        first = re.findall(r"<tr><td class=num>1</td><td>([^<]*)</td>", cost.group(1))
        for arm_label in first:
            rows = final[final["arm"].map(style.arm_label) == html_module.unescape(arm_label)]
            key = comparison.headline_metric(final, results.headline)
            row = rows[(rows["metric"] == key[0]) & (rows["subject"] == key[1])].iloc[0]
            assert comparison.beats(row) and row["extra_spending"] > 0
    # Provenance: the command that made the folder, from run.json.
    assert results.run["command"] == "compare"
    assert f"compare {path.relative_to(ROOT)}" in text
