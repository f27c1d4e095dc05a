#!/usr/bin/env python3
"""Writes the metric fixtures the Java tests of org.glamibench.metrics check against.

Each fixture is a JSON file under core/src/test/resources/metrics/ with the inputs (one stored
prediction per item) and the expected metric values, computed here independently of the Java code:
scikit-learn 1.2 where it has the metric, explicit numpy otherwise (per language, confusion,
Brier score, ECE). Run from the repository root with numpy, scipy and scikit-learn 1.2:

    python3 core/src/test/python/make_metric_fixtures.py

Conventions shared with the Java code (see MetricAccumulator):
- items: {"true": class, "geo": code, "status": "ok" | "input_error" | "adapter_error",
  "top": the min(5, K) best classes (OK items only), "p": probabilities in units of
  1 / probability_denominator (only for items stored with full scores)}. Every probability is an
  exact float32 and every row sums to exactly 1, so scikit-learn's log_loss (which renormalises
  rows) sees the same numbers as the Java code (which does not).
- top classes: a stable sort of the negated scores, so ties go to the LOWER class index.
  scikit-learn's top_k_accuracy_score ranks ties the other way; where a fixture has a tie at the
  boundary between 5th and 6th place its top-5 is counted the documented way, else by sklearn.
- failed items predict no class (label -1 for sklearn, outside the label set), so they are wrong
  and a miss of their true class.
- NLL clips probabilities to [1e-15, 1 - 1e-15]; Brier = mean over items of sum over classes of
  (p - onehot)^2; ECE with 15 bins (b/15, (b+1)/15] (bin 0 also holds 0), confidence = probability
  of the item's top class.
- expected values that are undefined (empty reliability bins) are written as null.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, confusion_matrix, f1_score,
                             log_loss, precision_recall_fscore_support, top_k_accuracy_score)

OUT_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "metrics"))
GEOS = ["cz", "sk", "ro", "gr", "si", "hu", "hr", "es", "lt", "lv", "tr", "ee", "bg"]
GEO_TEST_ROWS = [11755, 19252, 2434, 3533, 6332, 8024, 8117, 3405, 17906, 4181, 10792, 8911, 11362]
EPS = 1e-15
BINS = 15
TOP_K = 5


def top_classes(p, k):
    """The documented rule: best first, ties to the lower class index."""
    return [int(c) for c in np.argsort(-p, kind="stable")[:k]]


def expected_values(items, num_classes):
    n = len(items)
    k = min(TOP_K, num_classes)
    y_true = np.array([it["true"] for it in items], dtype=np.int64)
    ok = np.array([it["status"] == "ok" for it in items], dtype=bool)
    y_pred = np.array([it["top"][0] if it["status"] == "ok" else -1 for it in items], dtype=np.int64)
    top5_hit = np.array([it["status"] == "ok" and it["true"] in it["top"] for it in items], dtype=bool)
    geo = np.array([it["geo"] for it in items])
    e = {"num_classes": num_classes, "n": n,
         "status_counts": {s: sum(it["status"] == s for it in items)
                           for s in ("ok", "input_error", "adapter_error")}}

    e["top1"] = float(accuracy_score(y_true, y_pred))
    e["top1_hits"] = int(accuracy_score(y_true, y_pred, normalize=False))
    e["top5_hits"] = int(top5_hit.sum())
    # Cross-check top-5 with sklearn where the stored top classes came from full scores without a
    # tie at the 5/6 boundary (the only place its tie rule can change a top-5 hit).
    scored = np.array([it["status"] == "ok" and "p_full" in it for it in items], dtype=bool)
    if scored.any():
        full = np.array([it["p_full"] for it in items if it["status"] == "ok" and "p_full" in it])
        tie_free = all(np.sort(row)[::-1][k - 1] > np.sort(row)[::-1][k] for row in full) if k < num_classes else True
        if tie_free:
            sk_hits = int(top_k_accuracy_score(y_true[scored], full, k=k, labels=np.arange(num_classes),
                                               normalize=False)) if k < num_classes else int(scored.sum())
            unscored_hits = int(top5_hit[ok & ~scored].sum())
            assert sk_hits + unscored_hits == e["top5_hits"], (sk_hits, unscored_hits, e["top5_hits"])
            e["top5_source"] = "sklearn top_k_accuracy_score"
        else:
            e["top5_source"] = "documented rule (ties at the top-5 boundary go to the lower class index)"
    e["top5"] = e["top5_hits"] / n

    labels = np.unique(np.concatenate([y_true, y_pred[ok]]))
    precision, recall, f1, support = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, zero_division=0, average=None)
    e["macro_f1"] = float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0))
    e["weighted_f1"] = float(f1_score(y_true, y_pred, labels=labels, average="weighted", zero_division=0))
    e["balanced_accuracy"] = float(balanced_accuracy_score(y_true, y_pred))

    per_language = {}
    for code in GEOS:
        mask = geo == code
        if mask.any():
            per_language[code] = {
                "n": int(mask.sum()),
                "top1": float(accuracy_score(y_true[mask], y_pred[mask])),
                "top1_hits": int(accuracy_score(y_true[mask], y_pred[mask], normalize=False)),
                "top5": float(top5_hit[mask].mean()),
                "top5_hits": int(top5_hit[mask].sum())}
    e["per_language"] = per_language
    e["per_class"] = {str(int(c)): {"precision": float(precision[i]), "recall": float(recall[i]),
                                    "f1": float(f1[i]), "support": int(support[i])}
                      for i, c in enumerate(labels)}

    cm = confusion_matrix(y_true[ok], y_pred[ok], labels=np.arange(num_classes))
    cells = [[int(t), int(p), int(cm[t, p])] for t in range(num_classes) for p in range(num_classes) if cm[t, p]]
    e["confusion"] = cells
    off = sorted((c for c in cells if c[0] != c[1]), key=lambda c: (-c[2], c[0], c[1]))
    e["most_confused"] = off[:10]

    with_p = [it for it in items if "p" in it]
    e["calibration_n"] = len(with_p)
    P = np.array([it["p_exact"] for it in with_p], dtype=np.float64).reshape(len(with_p), num_classes)
    t = np.array([it["true"] for it in with_p], dtype=np.int64)
    top1 = np.array([it["top"][0] for it in with_p], dtype=np.int64)
    assert (P.sum(axis=1) == 1.0).all(), "rows must sum to exactly 1"
    assert (P.astype(np.float32).astype(np.float64) == P).all(), "probabilities must be exact float32"
    if with_p:
        nll_sklearn = log_loss(t, P, eps=EPS, labels=np.arange(num_classes))
        nll_numpy = float(np.mean(-np.log(np.clip(P[np.arange(len(t)), t], EPS, 1 - EPS))))
        assert abs(nll_sklearn - nll_numpy) < 1e-13, (nll_sklearn, nll_numpy)
        e["nll"] = float(nll_sklearn)
        e["brier"] = float(np.mean(np.sum((P - np.eye(num_classes)[t]) ** 2, axis=1)))
    else:
        e["nll"] = e["brier"] = None
    conf = P[np.arange(len(t)), top1]
    correct = top1 == t
    edges = np.arange(BINS + 1) / float(BINS)
    bin_of = np.searchsorted(edges[1:BINS], conf, side="left")  # edges[b] < conf <= edges[b + 1]
    bins, ece = [], 0.0
    for b in range(BINS):
        m = bin_of == b
        count = int(m.sum())
        mean_conf = float(conf[m].mean()) if count else None
        acc = float(correct[m].mean()) if count else None
        if count:
            ece += count / len(t) * abs(acc - mean_conf)
        bins.append({"lower": float(edges[b]), "upper": float(edges[b + 1]), "count": count,
                     "mean_confidence": mean_conf, "accuracy": acc})
    e["ece"] = float(ece) if with_p else None
    e["reliability_bins"] = bins
    return e


def quantize(p, denominator):
    """Probabilities as integer units of 1/denominator, each at least 1, summing to denominator."""
    units = np.maximum(np.round(p * denominator).astype(np.int64), 1)
    units[np.argmax(units)] += denominator - units.sum()
    assert units.min() >= 1 and units.sum() == denominator
    return units


def compact(value):
    return json.dumps(value, separators=(", ", ": "), allow_nan=False)


def layout(value, depth):
    """Small JSON: items, bins and classes one per line, everything inside them on that line."""
    pad = " " * (depth + 1)
    if isinstance(value, dict) and depth < 3 and not all(isinstance(v, (int, float, type(None))) for v in value.values()):
        return "{\n" + ",\n".join(f"{pad}{json.dumps(k)}: {layout(v, depth + 1)}" for k, v in value.items()) \
            + "\n" + " " * depth + "}"
    if isinstance(value, list) and value and isinstance(value[0], (dict, list)):
        return "[\n" + ",\n".join(pad + compact(v) for v in value) + "\n" + " " * depth + "]"
    return compact(value)


def write(name, description, num_classes, denominator, items):
    for it in items:
        if "p" in it:
            it["p_exact"] = [u / denominator for u in it["p"]]
    expected = expected_values(items, num_classes)
    public_items = [{key: it[key] for key in ("true", "geo", "status", "top", "p") if key in it} for it in items]
    fixture = {"name": name, "description": description,
               "generated_by": "core/src/test/python/make_metric_fixtures.py, scikit-learn "
                               + sklearn.__version__ + ", numpy " + np.__version__,
               "num_classes": num_classes, "probability_denominator": denominator,
               "expected": expected, "items": public_items}
    text = "{\n" + ",\n".join(f" {json.dumps(key)}: {layout(value, 1)}" for key, value in fixture.items()
                             if key != "items")
    text += ',\n "items": [\n' + ",\n".join(
        "  " + json.dumps(it, separators=(",", ":")) for it in public_items) + "\n ]\n}\n"
    json.loads(text)
    path = os.path.join(OUT_DIR, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{os.path.relpath(path)}: {len(items)} items, {os.path.getsize(path)} bytes")


def hand_fixture():
    """12 items, 6 classes, 3 geos, written out by hand (the Java test repeats it with hand values)."""
    d = 2 ** 25
    f04 = int(np.float32(0.4) * d)  # 13421773 / 2^25 = 0.4000000059604645, just above the edge 6/15
    assert f04 / d == float(np.float32(0.4))

    def units(*ps):
        return [int(round(x * d)) if not isinstance(x, int) else x for x in ps]

    rows = [
        (0, "cz", "ok", units(0.5, 0.25, 0.125, 0.0625, 0.0625, 0.0)),
        (1, "cz", "ok", units(0.375, 0.375, 0.125, 0.125, 0.0, 0.0)),        # tie at top-1
        (2, "cz", "ok", units(0.0625, 0.1875, 0.625, 0.125, 0.0, 0.0)),
        (3, "cz", "input_error", None),
        (0, "sk", "ok", units(1.0, 0.0, 0.0, 0.0, 0.0, 0.0)),                # NLL clipped at 1 - 1e-15
        (5, "sk", "ok", units(0.25, 0.25, 0.125, 0.125, 0.125, 0.125)),     # tie at the top-5 boundary
        (2, "sk", "ok", [f04, d // 4, d // 4, d // 2 - f04, 0, 0]),          # confidence 0.4f
        (1, "sk", "adapter_error", None),
        (3, "tr", "ok", "top only"),
        (2, "tr", "ok", units(0.125, 0.5, 0.25, 0.125, 0.0, 0.0)),
        (0, "tr", "ok", units(0.0, 0.0, 0.5, 0.5, 0.0, 0.0)),                # true class has p = 0
        (3, "tr", "ok", units(0.0625, 0.0625, 0.125, 0.75, 0.0, 0.0)),
    ]
    items = []
    for true, geo, status, p in rows:
        it = {"true": true, "geo": geo, "status": status}
        if p == "top only":
            it["top"] = [3, 0, 1, 2, 4]
        elif p is not None:
            assert sum(p) == d
            it["top"] = top_classes(np.array(p), 5)
            it["p"] = p
            it["p_full"] = [u / d for u in p]
        items.append(it)
    write("hand", "12 items, 6 classes, 3 geos: failed items, ties at top-1 and at the top-5 boundary, "
          "an item without probabilities, clipped NLL (p = 1 and p = 0), a confidence just above a bin edge",
          6, d, items)


def random_items(rng, n, num_classes, geos, geo_weights, class_logit_bias, denominator,
                 error_rate, p_stored_rate, tie_rate):
    items = []
    while len(items) < n:
        geo = geos[rng.choice(len(geos), p=geo_weights)]
        logits = rng.normal(0.0, 2.0, num_classes) + class_logit_bias
        p = np.exp(logits - logits.max())
        p /= p.sum()
        units = quantize(p, denominator)
        if rng.random() < tie_rate:  # a tie at top-1: the two best get equal mass
            first, second = np.argsort(-units, kind="stable")[:2]
            both = units[first] + units[second]
            units[first], units[second] = both // 2, both // 2
            units[np.argmax(units == units.min())] += both % 2
        sorted_units = np.sort(units)[::-1]
        if num_classes > TOP_K and sorted_units[TOP_K - 1] == sorted_units[TOP_K]:
            continue  # keep the 5/6 boundary tie-free so sklearn's top_k_accuracy_score agrees
        exact = units / denominator
        # The true class: drawn from the model's own probabilities most of the time (a roughly
        # calibrated model), else from the class prior.
        prior = np.exp(class_logit_bias) / np.exp(class_logit_bias).sum()
        true = int(rng.choice(num_classes, p=exact if rng.random() < 0.8 else prior))
        it = {"true": true, "geo": geo}
        u = rng.random()
        if u < error_rate / 2:
            it["status"] = "input_error"
        elif u < error_rate:
            it["status"] = "adapter_error"
        else:
            it["status"] = "ok"
            it["top"] = top_classes(units.astype(np.float64), min(TOP_K, num_classes))
            it["p_full"] = list(exact)
            if rng.random() < p_stored_rate:
                it["p"] = [int(x) for x in units]
        items.append(it)
    return items


def random_fixture():
    rng = np.random.default_rng(20240611)
    k = 20
    weights = np.array(GEO_TEST_ROWS, dtype=np.float64)
    bias = np.linspace(1.5, -1.5, k)  # a long tail: low class indices are more frequent
    items = random_items(rng, 2000, k, GEOS, weights / weights.sum(), bias, 2 ** 16,
                         error_rate=0.02, p_stored_rate=0.5, tie_rate=0.05)
    write("random", "2,000 random items, 20 classes, all 13 geos, about 2% failed items, full "
          "probabilities for about 50% of the scored items, about 5% ties at top-1", k, 2 ** 16, items)


def unseen_class_fixture():
    rng = np.random.default_rng(7)
    k = 6
    geos = ["hu", "lv", "ee"]
    # Class 4 is often predicted but never true, class 5 is neither; class 3 is only the true class of
    # one failed item (support 1, never predicted).
    bias = np.array([1.0, 0.5, 0.0, -9.0, 0.8, -9.0])
    items = random_items(rng, 40, k, geos, np.ones(3) / 3, bias, 2 ** 16,
                         error_rate=0.0, p_stored_rate=1.0, tie_rate=0.0)
    items = [it for it in items if it["true"] not in (3, 4, 5) and it["top"][0] not in (3, 5)]
    items.append({"true": 3, "geo": "ee", "status": "adapter_error"})
    assert any(it.get("top", [None])[0] == 4 for it in items)
    write("unseen_class", f"{len(items)} items, 6 classes: class 4 predicted but never true, class 5 "
          "neither, class 3 only the true class of a failed item", k, 2 ** 16, items)


if __name__ == "__main__":
    # Failed items carry the label -1 for sklearn; balanced_accuracy_score warns that it never is
    # a true label, and drops it, which is what we want.
    warnings.filterwarnings("ignore", message="y_pred contains classes not in y_true")
    os.makedirs(OUT_DIR, exist_ok=True)
    hand_fixture()
    random_fixture()
    unseen_class_fixture()
