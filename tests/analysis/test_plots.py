"""Every plot function on small real outputs (and on the fixtures for files
that `detente run` does not write yet): it draws what it should, labels it,
and carries the run's provenance; it draws nothing when its data is absent."""
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PolyCollection

from analysis import contract, figures, style
from analysis.plots import compare, cost, distribution, sensitivity, sweep, trust


@pytest.fixture(scope="module")
def crisis(crisis_dir):
    return contract.load(crisis_dir)


@pytest.fixture(scope="module")
def arms(arms_dir):
    return contract.load(arms_dir)


@pytest.fixture(scope="module")
def full(full_dir):
    return contract.load(full_dir)


def texts(fig):
    found = [t.get_text() for t in fig.texts]
    if fig._suptitle is not None:
        found.append(fig._suptitle.get_text())
    for ax in fig.axes:
        found += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        found += [t.get_text() for t in ax.texts]
        if ax.get_legend():
            found += [t.get_text() for t in ax.get_legend().get_texts()]
    for legend in fig.legends:
        found += [t.get_text() for t in legend.get_texts()]
    return found


def check_readable(fig, results):
    """A title, labelled axes and the footer with scenario, version and commit."""
    assert fig._suptitle is not None and len(fig._suptitle.get_text()) > 15
    footer = " ".join(t.get_text() for t in fig.texts)
    assert f"scenario: {results.name}" in footer
    assert f"detente {results.version}" in footer
    assert f"commit {results.commit}" in footer
    # Every panel's axes are labelled, on the panel or along its row and column.
    panels = [ax for ax in fig.axes
              if ax.get_visible() and getattr(ax, "get_subplotspec", lambda: None)() is not None]
    for ax in panels:
        spec = ax.get_subplotspec()
        row = [o for o in panels if o.get_subplotspec().rowspan == spec.rowspan]
        column = [o for o in panels if o.get_subplotspec().colspan == spec.colspan]
        assert any(o.get_ylabel() for o in row), f"no y label for {ax.get_title()}"
        assert any(o.get_xlabel() for o in column), f"no x label for {ax.get_title()}"
    assert len(style.png_bytes(fig)) > 10_000  # renders to a real picture


def test_trust_over_time_one_line_per_arm_with_bands(arms):
    fig = trust.trust_over_time(arms)
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in panels] == ["North's trust in south", "South's trust in north"]
    for ax in panels:
        labelled = [line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_")]
        # The base is named by what it runs (the fixture's two programmes).
        assert labelled == ["base (runs summer_exchange, peace_radio)", "more contact",
                            "more ties"]
        # The band is the summary's interval: the base's band matches ci_low/ci_high.
        bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
        assert len(bands) == 3
    # Shocks marked, intervention periods shaded (one span per period per panel).
    all_text = texts(fig)
    assert any("crisis" in t for t in all_text)
    assert any("summer_exchange" in t for t in all_text)
    spans = [p for p in panels[0].patches if p.get_facecolor()[:3] == pytest.approx(
        tuple(int(style.SHADE[i:i + 2], 16) / 255 for i in (1, 3, 5)), abs=0.01)]
    assert len(spans) == 2
    check_readable(fig, arms)
    plt.close(fig)


def test_trust_over_time_band_is_the_summary_interval(crisis):
    fig = trust.trust_over_time(crisis)
    ax = fig.axes[0]
    band = [c for c in ax.collections if isinstance(c, PolyCollection)][0]
    vertices = band.get_paths()[0].vertices
    series = crisis.series("mean", "north->south")
    assert vertices[:, 1].max() == pytest.approx(series["ci_high"].max())
    assert vertices[:, 1].min() == pytest.approx(series["ci_low"].min())
    check_readable(fig, crisis)
    plt.close(fig)


def test_distribution_fan_chart_and_polarisation(crisis):
    fig = distribution.trust_distribution(crisis)
    titles = [ax.get_title() for ax in fig.axes]
    assert "North's trust in south — base" in titles
    assert "Polarisation of north's trust in south" in titles
    fan = [ax for ax in fig.axes if ax.get_title().startswith("North's")][0]
    band = [c for c in fan.collections if isinstance(c, PolyCollection)][0]
    series_low = crisis.series("p10", "north->south")
    series_high = crisis.series("p90", "north->south")
    ys = band.get_paths()[0].vertices[:, 1]
    assert ys.min() == pytest.approx(series_low["mean"].min())
    assert ys.max() == pytest.approx(series_high["mean"].max())
    check_readable(fig, crisis)
    plt.close(fig)


def test_agent_density_only_with_agents(crisis, full):
    assert distribution.agent_density(crisis) is None
    fig = distribution.agent_density(full)
    image = fig.axes[0].images[0].get_array()
    # Each column is one step's distribution: shares that sum to one.
    np.testing.assert_allclose(image.sum(axis=0), 1.0, atol=1e-12)
    # The fixture starts as one camp at 0.5 and ends as two, near 0.2 and 0.8.
    middle = np.linspace(0, 1, image.shape[0] + 1)[:-1] + 0.5 / image.shape[0]
    first, last = image[:, 0], image[:, -1]
    assert first[(middle > 0.35) & (middle < 0.65)].sum() > 0.95
    assert last[middle < 0.35].sum() > 0.4 and last[middle > 0.65].sum() > 0.4
    check_readable(fig, full)
    plt.close(fig)


def test_forest_plot_of_paired_differences(arms, crisis):
    assert compare.arm_comparison(crisis) is None
    fig = compare.arm_comparison(arms)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["more contact", "more ties"]
    assert "Difference from base" in ax.get_xlabel()
    check_readable(fig, arms)
    plt.close(fig)


def test_cost_effectiveness_with_frontier(full, crisis):
    assert cost.cost_effectiveness(crisis) is None
    fig = cost.cost_effectiveness(full)
    ax = fig.axes[0]
    frontier_line = [line for line in ax.get_lines() if line.get_label() == "efficient frontier"][0]
    # The fixture's gains per million fall with spending, yet each arm gains more: all on it.
    assert list(frontier_line.get_xdata()) == [0.0, 1.5, 6.0]
    assert "Spending" in ax.get_xlabel() and "millions" in ax.get_xlabel()
    check_readable(fig, full)
    plt.close(fig)


def test_sweep_heatmap(full, crisis):
    assert sweep.sweep_heatmap(crisis) is None
    fig = sweep.sweep_heatmap(full)
    ax = fig.axes[0]
    grid = ax.images[0].get_array()
    assert grid.shape == (3, 4)  # confidence levels × contact-rate levels
    # The fixture's political space grows with the contact rate along each row.
    assert (grid[:, -1] > grid[:, 0]).all()
    check_readable(fig, full)
    plt.close(fig)


def test_sensitivity_bars_for_morris_and_sobol(full, crisis):
    assert sensitivity.sensitivity_bars(crisis) is None
    fig = sensitivity.sensitivity_bars(full)
    titles = [ax.get_title() for ax in fig.axes]
    assert any(t.startswith("Morris screening") for t in titles)
    assert any(t.startswith("Sobol indices") for t in titles)
    morris = fig.axes[0]
    # Most influential parameter on top (bars sorted by μ*).
    assert morris.get_yticklabels()[-1].get_text() == "dynamics.contact.rate"
    check_readable(fig, full)
    plt.close(fig)


def test_render_all_picks_what_the_folder_has(crisis, full):
    assert [f.slug for f, _ in figures.render_all(crisis)] == ["trust_over_time",
                                                               "trust_distribution"]
    # Every figure but the sweep's trajectories, which need results.db's per-point
    # summaries (test_sweep_brief.py draws them from a real sweep).
    assert [f.slug for f, _ in figures.render_all(full)] == [
        f.slug for f in figures.FIGURES if f.slug != "sweep_trajectories"]
    plt.close("all")
