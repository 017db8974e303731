"""`python3 -m analysis plot|report RESULTS_DIR …`: figures and the brief.

    python3 -m analysis plot results/crisis [--out DIR] [--format png|svg|pdf] [--dpi N]
    python3 -m analysis report results/crisis [--out FILE.html]

A calibration folder (`detente calibrate`: run.json's "kind" is
"calibration", or posterior.csv and priors.csv are present) gets its own
figures and brief (analysis/calibration_brief.py).

Exit codes as detente's: 0 success, 2 bad input (not a result folder, a bad
option), 1 anything else.
"""
import argparse
import sys
import traceback
from pathlib import Path

from analysis import calibration, calibration_brief, contract, figures, report, style


def _rendered(folder):
    """(file stem, matplotlib figure) for every figure the folder has data for:
    a calibration folder's own figures, or a run/compare/sweep folder's."""
    if Path(folder).is_dir() and calibration.is_calibration(folder):
        return [(slug, fig) for slug, _, _, fig in
                calibration_brief.render_all(calibration.load(folder))]
    return [(figure.slug, fig) for figure, fig in figures.render_all(contract.load(folder))]


def plot(arguments):
    rendered = _rendered(arguments.results)
    out = Path(arguments.out) if arguments.out else Path(arguments.results) / "figures"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for slug, fig in rendered:
        path = out / f"{slug}.{arguments.format}"
        style.save(fig, path, dpi=arguments.dpi)
        written.append(path)
    for path in written:
        print(path)
    return 0


def guarded(action, command):
    """Runs `action`, mapping failures to exit codes with a message on stderr."""
    try:
        return action()
    except SystemExit as exit_:  # argparse: 2 for a bad option, 0 for --help
        return exit_.code if isinstance(exit_.code, int) else 2
    except contract.ContractError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 — the entry point reports every failure
        traceback.print_exc(file=sys.stderr)
        print(f"detente {command}: internal error: {error}", file=sys.stderr)
        return 1


def parser():
    top = argparse.ArgumentParser(prog="python3 -m analysis",
                                  description="Figures and policy briefs from detente results.")
    commands = top.add_subparsers(dest="command", required=True)
    plot_parser = commands.add_parser("plot", help="write every applicable figure")
    plot_parser.add_argument("results", metavar="RESULTS_DIR")
    plot_parser.add_argument("--out", "-o", metavar="DIR",
                             help="folder for the figures (default RESULTS_DIR/figures)")
    plot_parser.add_argument("--format", "-f", choices=["png", "svg", "pdf"], default="png")
    plot_parser.add_argument("--dpi", type=int, default=150, help="resolution of PNG figures")
    plot_parser.set_defaults(action=plot)
    report_parser = commands.add_parser("report", help="write the HTML policy brief")
    report.add_arguments(report_parser)
    report_parser.set_defaults(action=report.run)
    return top


def main(argv=None):
    def action():
        arguments = parser().parse_args(argv)
        return arguments.action(arguments)
    return guarded(action, "analysis")
