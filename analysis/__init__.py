"""detente analysis: figures and a policy brief from a detente result folder.

The package reads only the output contract (timeseries.csv, summary.csv,
scenario.yaml, run.json, and when present compare.csv, agents.csv, the sweep
files and results.db); it never looks inside the engine.

    from analysis import contract, figures
    results = contract.load("results/crisis")
    for figure in figures.applicable(results):
        figure.render(results).savefig(figure.slug + ".png")

Command line: `python3 -m analysis plot RESULTS_DIR` and
`python3 -m analysis report RESULTS_DIR` (see analysis/cli.py).
"""
