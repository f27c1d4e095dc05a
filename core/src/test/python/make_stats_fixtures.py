"""Expected values for the statistics tests, from scipy and numpy.

Run from the repository root with Debian's Python (python3-scipy, python3-numpy):
    /usr/bin/python3 core/src/test/python/make_stats_fixtures.py
Writes core/src/test/resources/stats/mcnemar.json (exact McNemar p-values from
scipy.stats.binomtest on the discordant counts) and percentile.json (numpy.percentile, linear).
"""
import json
import pathlib

import numpy as np
from scipy.stats import binomtest

OUT = pathlib.Path("core/src/test/resources/stats")

PAIRS = [(0, 0), (0, 1), (1, 0), (3, 3), (10, 2), (2, 10), (25, 40), (100, 130), (0, 25), (500, 560),
         (4000, 4200), (20000, 20500), (1, 1000)]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    cases = []
    for b, c in PAIRS:
        n = b + c
        two_sided = 1.0 if n == 0 else binomtest(min(b, c), n, 0.5, alternative="two-sided").pvalue
        a_worse = 1.0 if n == 0 else binomtest(b, n, 0.5, alternative="less").pvalue
        cases.append({"b": b, "c": c, "two_sided": float(two_sided), "a_worse": float(a_worse)})
    (OUT / "mcnemar.json").write_text(json.dumps({"cases": cases}, indent=1) + "\n")

    rng = np.random.default_rng(7)
    values = rng.random(1001).round(6)
    quantiles = [0.0, 0.025, 0.1, 0.5, 0.975, 1.0]
    percentile = {"values": values.tolist(), "quantiles": quantiles,
                  "expected": [float(np.percentile(values, q * 100)) for q in quantiles]}
    (OUT / "percentile.json").write_text(json.dumps(percentile) + "\n")
    print("wrote", len(cases), "McNemar cases and", len(quantiles), "percentiles")


if __name__ == "__main__":
    main()
