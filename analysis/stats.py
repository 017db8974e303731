"""Small statistics the figures need, without SciPy: Student-t intervals.

The engine's summary.csv uses a 95% Student-t interval over replicates
(mean ± t(0.975, n−1)·sd/√n, sd with n−1); paired differences computed here
use the same convention so the two read alike. The t quantile is computed
from the regularised incomplete beta function (continued fraction, as in
Numerical Recipes §6.4) to about 1e-12.
"""
import functools
import math

import numpy as np


def _beta_continued_fraction(a, b, x):
    tiny, eps = 1e-300, 1e-15
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < eps:
            break
    return h


def incomplete_beta(a, b, x):
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x)
                 + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_continued_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_continued_fraction(b, a, 1.0 - x) / b


def t_cdf(t, df):
    tail = 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


@functools.lru_cache(maxsize=None)
def t975(df):
    """The 97.5% quantile of Student's t with `df` degrees of freedom (df ≥ 1)."""
    if df < 1:
        raise ValueError(f"t975: degrees of freedom must be at least 1, got {df}")
    low, high = 0.0, 20.0  # t(0.975, 1) = 12.71 is the largest
    for _ in range(200):
        middle = (low + high) / 2
        if t_cdf(middle, df) < 0.975:
            low = middle
        else:
            high = middle
        if high - low < 1e-13:
            break
    return (low + high) / 2


def mean_interval(values):
    """(mean, sd, ci_low, ci_high, n) of `values` with a 95% t interval.

    With one value the interval collapses to the mean, as in summary.csv.
    NaN values are ignored.
    """
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    n = len(values)
    if n == 0:
        return (math.nan, math.nan, math.nan, math.nan, 0)
    mean = float(values.mean())
    if n == 1:
        return (mean, 0.0, mean, mean, 1)
    sd = float(values.std(ddof=1))
    half = t975(n - 1) * sd / math.sqrt(n)
    return (mean, sd, mean - half, mean + half, n)
