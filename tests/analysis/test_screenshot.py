"""The brief as a reader sees it: headless Chromium renders it, and the
picture is not blank and shows the headline figure.

The screenshot is kept at DETENTE_ARTIFACTS (default build/analysis-artifacts)
as report.png, to look at after a run.
"""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import matplotlib.image as mpimg
import numpy as np
import pytest

from analysis import contract, report
from conftest import ROOT

WIDTH, HEIGHT = 1200, 1600


def chromium():
    program = shutil.which("chromium") or shutil.which("chromium-browser")
    if program is None:
        pytest.fail("chromium is not installed (Debian's `chromium`; bash cmake/bootstrap.sh "
                    "test installs it)")
    return program


def screenshot(html_file, png_file):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--hide-scrollbars",
                        f"--user-data-dir={profile}", f"--screenshot={png_file}",
                        f"--window-size={WIDTH},{HEIGHT}", f"file://{html_file}"],
                       capture_output=True, timeout=120, check=True)
    return mpimg.imread(png_file)[:, :, :3]


@pytest.fixture(scope="module")
def artifacts():
    folder = Path(os.environ.get("DETENTE_ARTIFACTS", ROOT / "build" / "analysis-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_report_screenshot_shows_the_headline_figure(crisis_dir, artifacts, tmp_path):
    html = report.build(contract.load(crisis_dir))
    page = tmp_path / "brief.html"
    page.write_text(html, encoding="utf-8")
    shot = screenshot(page, artifacts / "report.png")
    assert shot.shape[:2] == (HEIGHT, WIDTH)
    # Not blank: a page of text and figures varies a lot from pixel to pixel.
    assert shot.std() > 0.05
    assert (shot.mean(axis=2) < 0.5).mean() > 0.01  # some dark ink (text, lines)

    # The same page with the headline figure hidden: what differs is the figure.
    hidden = tmp_path / "hidden.html"
    hidden.write_text(html.replace("</style>", "#headline-figure img { visibility: hidden; }"
                                               "</style>"), encoding="utf-8")
    without = screenshot(hidden, tmp_path / "hidden.png")
    differs = np.abs(shot - without).max(axis=2) > 0.1
    rows, columns = np.nonzero(differs)
    assert len(rows) > 0, "the headline figure is not visible in the first screen"
    # The figure spans most of the page's width, a good part of the first screen,
    # and holds plenty of drawn pixels (lines, labels, bands), not an empty frame.
    assert columns.max() - columns.min() > 0.6 * WIDTH
    assert rows.max() - rows.min() > 0.2 * HEIGHT
    assert differs.mean() > 0.02
