"""The brief reads events.csv, the file the workshop page's event lane shows:
what happened, and which programmes stopped for lack of money."""
import re

from analysis import contract, events, report
from conftest import run_detente

ALL_FIVE = ["scenarios/workshop.yaml", "--quiet", "--replicates", "2"] + [
    arg for name in ("exchange", "campaign", "curriculum", "centres", "journalists")
    for arg in ("--set", f"interventions.{name}.enabled=true")]


def test_the_brief_says_what_stopped_for_lack_of_money(tmp_path):
    out = tmp_path / "all-five"
    run_detente("run", *ALL_FIVE, "--out", str(out))
    results = contract.load(out)
    assert "events.csv" in results.files
    money = events.stopped_for_money(results.events, "base")
    names = {name for name, *_ in money}
    # The same programmes events.csv stops for money, read straight from the file.
    raw = results.events
    expected = set(raw[(raw["event"] == "programme_stopped")
                       & raw["detail"].str.match(r"(budget ran out|cut)")]["subject"])
    assert names == expected and names
    html = report.build(results)
    match = re.search(r'<section id="events">(.*?)</section>', html, re.S)
    assert match, "no 'What happened' section"
    body = match.group(1)
    assert "Stopped for lack of money: " in body
    for name in names:
        assert name in body
    assert "crisis (all)" in body and "week 156 (year 3.0)" in body


def test_a_folder_without_events_has_no_events_section(tmp_path, crisis_dir):
    results = contract.load(crisis_dir)
    results.events = None
    assert 'id="events"' not in report.build(results)
