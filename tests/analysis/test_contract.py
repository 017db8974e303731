"""Reading the output contract: a real run, results.db, and folders that are not results."""
import numpy as np
import pandas as pd
import pytest

import contract_fixtures
from analysis import contract, stats
from conftest import run_detente


def test_reads_a_real_run(crisis_dir):
    results = contract.load(crisis_dir)
    assert results.name == "crisis"
    assert results.arms == ["base"]
    assert results.pairs == ["north->south", "south->north"]
    assert results.groups == ["north", "south"]
    assert [s.step for s in results.shocks] == [30]
    assert results.replicates == 3
    assert results.last_step == 80
    assert results.step_unit == "week"
    # The footer's provenance is the program's own version and commit.
    version = run_detente("--version").stdout.split()
    assert version[1] == results.version
    assert version[2].strip("()") == results.commit


def test_summary_from_timeseries_matches_the_engine(crisis_dir):
    """Our t interval is the engine's: recomputing summary.csv from timeseries.csv agrees."""
    results = contract.load(crisis_dir)
    ours = contract.summarise(results.timeseries)
    keys = ["arm", "metric", "subject", "step"]
    merged = results.summary.merge(ours, on=keys, suffixes=("", "_ours"))
    assert len(merged) == len(results.summary)
    for column in ("mean", "sd", "ci_low", "ci_high"):
        # 1e-9: both sides are double precision; only summation order differs.
        np.testing.assert_allclose(merged[column + "_ours"], merged[column], rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("df, expected", [(1, 12.7062047), (2, 4.3026527), (40, 2.0210754),
                                          (100, 1.9839715), (1000, 1.9623391)])
def test_t_quantile(df, expected):
    assert stats.t975(df) == pytest.approx(expected, abs=1e-7)  # published 8-digit tables


def test_results_db_alone_gives_the_same_summary(crisis_dir, tmp_path):
    folder = contract_fixtures.write_database_only(crisis_dir, tmp_path / "db")
    from_db = contract.load(folder)
    from_csv = contract.load(crisis_dir)
    assert from_db.files == ["results.db"]
    # Provenance comes from run.json only: a row of `runs` is one run, not
    # what made the folder, so without run.json it is unknown.
    assert from_csv.run["seed"] and from_db.run == {}
    assert from_db.version == "unknown" and from_db.command_line is None
    # Only the newest run's rows (the older fixture run has mean −1 everywhere).
    pd.testing.assert_frame_equal(from_db.summary.reset_index(drop=True),
                                  from_csv.summary.reset_index(drop=True), check_dtype=False)


def test_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(contract.ContractError, match="no such results folder"):
        contract.load(tmp_path / "nowhere")


def test_an_empty_folder_is_refused(tmp_path):
    with pytest.raises(contract.ContractError, match="not a detente results folder"):
        contract.load(tmp_path)


def test_a_file_with_the_wrong_columns_is_refused(tmp_path):
    (tmp_path / "summary.csv").write_text("arm,metric,value\nbase,mean,0.5\n")
    with pytest.raises(contract.ContractError, match=r"summary\.csv: expected the columns .*missing "
                                                     r"subject, step"):
        contract.load(tmp_path)


def test_optional_files_are_read_when_present(full_dir):
    results = contract.load(full_dir)
    assert results.compare is not None and results.agents is not None
    assert results.sweep is not None and results.sensitivity is not None
    assert results.arms == ["base", "more_contact", "more_ties"]
    # Interventions: `end` is inclusive; `rounds` ends with the last round's period.
    periods = {p.name: (p.start, p.end) for p in results.periods}
    assert periods == {"summer_exchange": (10, 24), "peace_radio": (40, 54)}
