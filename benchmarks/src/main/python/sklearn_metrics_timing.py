#!/usr/bin/env python3
"""Times scikit-learn on the work MetricsBenchmark measures in Java, on data of the same shape.

116,004 items x 191 classes of random float32 probabilities (softmax of N(0, 2) logits with +4 on
the true class), 1% failed items (label -1, no scores). Timed per repeat, on one thread: argmax,
log_loss, accuracy_score, top_k_accuracy_score (k=5), precision_recall_fscore_support,
balanced_accuracy_score and f1_score (macro and weighted). Prints the median and the spread.

    python3 benchmarks/src/main/python/sklearn_metrics_timing.py [repeats]
"""
import os

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, f1_score, log_loss,  # noqa: E402
                             precision_recall_fscore_support, top_k_accuracy_score)

ITEMS, CLASSES, FAILED_SHARE = 116_004, 191, 0.01


def make_data(rng):
    y_true = rng.integers(0, CLASSES, ITEMS)
    logits = rng.normal(0.0, 2.0, (ITEMS, CLASSES))
    logits[np.arange(ITEMS), y_true] += 4.0
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = (p / p.sum(axis=1, keepdims=True)).astype(np.float32)
    ok = rng.random(ITEMS) >= FAILED_SHARE
    return y_true, p, ok


def all_metrics(y_true, p, ok):
    labels = np.arange(CLASSES)
    y_pred = np.full(ITEMS, -1)
    y_pred[ok] = p[ok].argmax(axis=1)
    scored_true, scored_p = y_true[ok], p[ok]
    nll = log_loss(scored_true, scored_p, labels=labels)
    top1 = accuracy_score(y_true, y_pred)
    top5 = top_k_accuracy_score(scored_true, scored_p, k=5, labels=labels, normalize=False) / ITEMS
    used = np.unique(np.concatenate([y_true, y_pred[ok]]))
    per_class = precision_recall_fscore_support(y_true, y_pred, labels=used, zero_division=0)
    balanced = balanced_accuracy_score(y_true, y_pred)
    macro = f1_score(y_true, y_pred, labels=used, average="macro", zero_division=0)
    weighted = f1_score(y_true, y_pred, labels=used, average="weighted", zero_division=0)
    return nll, top1, top5, per_class, balanced, macro, weighted


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    warnings.filterwarnings("ignore", message="y_pred contains classes not in y_true")
    y_true, p, ok = make_data(np.random.default_rng(20221116))
    all_metrics(y_true, p, ok)  # warm-up, not timed
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = all_metrics(y_true, p, ok)
        seconds.append(time.perf_counter() - start)
    ms = sorted(s * 1000 for s in seconds)
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}: {ITEMS} items x {CLASSES} classes, "
          f"{repeats} repeats")
    print(f"top1 {result[1]:.4f}  top5 {result[2]:.4f}  nll {result[0]:.4f}  macro F1 {result[5]:.4f}")
    print(f"median {statistics.median(ms):.1f} ms  (min {ms[0]:.1f}, max {ms[-1]:.1f}, "
          f"stdev {statistics.stdev(ms):.1f})")


if __name__ == "__main__":
    main()
