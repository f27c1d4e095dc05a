"""Writes the prediction store fixtures: NPY files saved by numpy, and what numpy and pandas read
from a run folder written by the Java PredictionStore.

Run from the repository root with Debian's Python (python3-numpy, python3-pandas) and Maven:
    /usr/bin/python3 core/src/test/python/make_store_fixtures.py
It compiles the tests and runs org.glamibench.store.SampleRun to write harness/target/store-sample-run/,
reads that folder with np.load and pd.read_csv (default settings), and writes into
core/src/test/resources/store/:
  numpy-saved-f4.npy       np.save of a (3, 4) float32 array, the values of F4 below
  numpy-saved-f8.npy       np.save of a (1, 2) float64 array (the store must refuse it)
  numpy-saved-fortran.npy  np.save of a Fortran-order (2, 3) float32 array (refused too)
  sample-run.python.json   the sha256 of the two files read (PredictionFilesPythonTest checks that
                           the Java writer still makes exactly these bytes), the first DETAILED
                           rows as pandas read them and their score rows as np.load read them, and
                           checks made here over all rows.
"""
import hashlib
import json
import math
import pathlib
import shutil
import subprocess

import numpy as np
import pandas as pd

OUT = pathlib.Path("core/src/test/resources/store")
RUN = pathlib.Path("harness/target/store-sample-run")
DETAILED = 20
F4 = [[0.1, -2.5, math.nan, 1e-45], [math.inf, 0.0, -0.0, 3.4028235e38], [1 / 3, 2 / 3, 1.0, 65504.0]]


def number(value):
    """A float for JSON: NaN as null (JSON has no NaN)."""
    value = float(value)
    return None if math.isnan(value) else value


def cell(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value


def class_index_sha256(classes):
    digest = hashlib.sha256(b"glami-bench-class-index-v1\n")
    for entry in sorted(classes, key=lambda e: e["category"]):
        digest.update(f"{entry['category']}\t{entry['name']}\n".encode("utf-8"))
    return digest.hexdigest()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    np.save(OUT / "numpy-saved-f4.npy", np.array(F4, dtype="<f4"))
    np.save(OUT / "numpy-saved-f8.npy", np.array([[1.0, 2.0]], dtype="<f8"))
    np.save(OUT / "numpy-saved-fortran.npy", np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3)))

    shutil.rmtree(RUN, ignore_errors=True)
    subprocess.run(["mvn", "-B", "-q", "-pl", "harness", "test-compile", "exec:java",
                    "-Dexec.mainClass=org.glamibench.store.SampleRun", "-Dexec.classpathScope=test",
                    "-Dexec.args=" + str(RUN.resolve())], check=True)

    classes = json.loads((RUN / "classes.json").read_text(encoding="utf-8"))
    index_of = {entry["category"]: entry["index"] for entry in classes["classes"]}
    frame = pd.read_csv(RUN / "predictions.csv")
    scores = np.load(RUN / "scores.npy")

    scored = frame["status"] == "ok"
    float32_equal = True
    round_trip_equal = True
    exact = pd.read_csv(RUN / "predictions.csv", float_precision="round_trip")
    for k in range(1, 6):
        present = scored & frame[f"pred_{k}"].notna()
        at = np.flatnonzero(present)
        columns = [index_of[int(c)] for c in frame.loc[present, f"pred_{k}"]]
        stored = scores[at, columns]
        float32_equal &= bool((frame.loc[present, f"score_{k}"].to_numpy().astype(np.float32) == stored).all())
        round_trip_equal &= bool((exact.loc[present, f"score_{k}"].to_numpy().astype(np.float32) == stored).all())
    failed_all_nan = bool(np.isnan(scores[~scored.to_numpy()]).all())

    rows = [{column: cell(row[column]) for column in frame.columns} for _, row in frame.head(DETAILED).iterrows()]
    result = {
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "predictions_csv_sha256": hashlib.sha256((RUN / "predictions.csv").read_bytes()).hexdigest(),
        "scores_npy_sha256": hashlib.sha256((RUN / "scores.npy").read_bytes()).hexdigest(),
        "dtypes": {column: str(dtype) for column, dtype in frame.dtypes.items()},
        "rows": rows,
        "scores": {"dtype": str(scores.dtype), "shape": list(scores.shape),
                   "values": [[number(v) for v in vector] for vector in scores[:DETAILED]]},
        "checks": {
            "class_index_sha256_recomputed": class_index_sha256(classes["classes"]) == classes["sha256"],
            "rows_equal_score_rows": len(frame) == scores.shape[0],
            "item_ids_unique": bool(frame["item_id"].is_unique),
            "score_cells_as_float32_equal_npy": float32_equal,
            "score_cells_as_float32_equal_npy_with_round_trip_parser": round_trip_equal,
            "failed_rows_all_nan": failed_all_nan,
        },
    }
    (OUT / "sample-run.python.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
    print(len(frame), "rows;", result["checks"])


if __name__ == "__main__":
    main()
