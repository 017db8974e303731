"""`python3 -m analysis plot|report RESULTS_DIR …`: figures and the brief.

    python3 -m analysis plot results/crisis [--out DIR] [--format png|svg|pdf] [--dpi N]
    python3 -m analysis report results/crisis [--out FILE.html]

Exit codes as detente's: 0 success, 2 bad input (not a result folder, a bad
option), 1 anything else.
"""
import argparse
import sys
import traceback
from pathlib import Path

from analysis import contract, figures, report, style


def plot(arguments):
    results = contract.load(arguments.results)
    out = Path(arguments.out) if arguments.out else Path(arguments.results) / "figures"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for figure, fig in figures.render_all(results):
        path = out / f"{figure.slug}.{arguments.format}"
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
