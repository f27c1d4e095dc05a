#!/usr/bin/env bash
# The published EmbraceNet's evaluation, the harness against the original Python code, side by side
# on the same checkpoint (the published structure with random weights: ResNeXt-50 32x4d, docking,
# head), the same precomputed text features, the same images and the same machine. From the
# repository root:
#
#   benchmarks/peer/run-glami-embracenet-peer.sh
#
# Environment (defaults in brackets): PEER_ITEMS [128] test items; PEER_BATCH [32] items per forward
# call, both sides; PEER_REPEATS [3] runs of each side, interleaved (python, harness, python, ...),
# medians reported; PEER_WORK [benchmarks/target/glami-embracenet-peer]; PEER_PYTHON
# [/usr/bin/python3] with Debian's python3-torch, python3-torchvision, python3-sentencepiece,
# python3-pandas, python3-skimage.
#
# Timed on both sides: from reading the test CSV to the last batch's scores (images decoded and
# converted to float CHW, text feature rows read, label_source one-hot, the forward pass); the
# harness decodes on its input threads while the model runs, Python between forward passes. Not
# timed: process start and loading the checkpoint. The embracement is the expectation (the mean of
# the docked values) on both sides, so their top-1 must agree; the script checks it.
set -euo pipefail
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
items="${PEER_ITEMS:-128}"
batch="${PEER_BATCH:-32}"
repeats="${PEER_REPEATS:-3}"
work="${PEER_WORK:-benchmarks/target/glami-embracenet-peer}"
python="${PEER_PYTHON:-/usr/bin/python3}"

[ -x ./glami-bench ] || { echo "run me from the repository root" >&2; exit 1; }
data="$work/sample/GLAMI-1M-dataset"
if [ ! -f "$data/GLAMI-1M-test.csv" ]; then
  ./glami-bench sample --out "$work/sample" --train 2000 --test "$items" >/dev/null
fi
if [ ! -f "$work/run/checkpoint.pt" ]; then
  "$python" models/src/test/python/make_glami_embracenet_run.py "$data" "$work/run" --no-reference
fi
results="$work/results.jsonl"
: > "$results"
for repeat in $(seq 1 "$repeats"); do
  line="$("$python" benchmarks/peer/glami_embracenet_peer.py "$data" "$work/run" "$batch" "$work/python-top1.csv")"
  echo "{\"side\": \"python\", \"repeat\": $repeat, \"result\": $line}" >> "$results"
  ./glami-bench eval --data "$data" --adapter baseline:glami-embracenet \
    --adapter-option checkpoint="$work/run/checkpoint.pt" --adapter-option text-features="$work/run/features" \
    --adapter-option embracement=expected --batch "$batch" --out "$work/runs" --run-id harness --force \
    --cache "$work/cache" >/dev/null
  timing="$("$python" -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))["timing"]))' \
    "$work/runs/harness/run.json")"
  echo "{\"side\": \"harness\", \"repeat\": $repeat, \"result\": $timing}" >> "$results"
done
"$python" - "$results" "$work/python-top1.csv" "$work/runs/harness/predictions.csv" <<'PY'
import json, statistics, sys
import pandas as pd
rows = [json.loads(line) for line in open(sys.argv[1])]
python = [r["result"] for r in rows if r["side"] == "python"]
harness = [r["result"] for r in rows if r["side"] == "harness"]
py_e2e = [p["items_per_second"] for p in python]
py_fwd = [p["forward_items_per_second"] for p in python]
java_e2e = [t["items_per_second"] for t in harness]
java_fwd = [t["items"] / t["adapter_seconds"] for t in harness]
java = pd.read_csv(sys.argv[3])[["item_id", "pred_1"]].rename(columns={"pred_1": "top1"})
top = pd.read_csv(sys.argv[2]).merge(java, on="item_id", suffixes=("_py", "_java"))
agree = (top["top1_py"] == top["top1_java"]).mean()
print("side      end-to-end items/s (repeats)            forward items/s")
print("python    %8.2f %-30s %8.2f" % (statistics.median(py_e2e), [round(x, 2) for x in py_e2e], statistics.median(py_fwd)))
print("harness   %8.2f %-30s %8.2f" % (statistics.median(java_e2e), [round(x, 2) for x in java_e2e], statistics.median(java_fwd)))
print("harness / python: %.2fx end to end, %.2fx forward; top-1 agreement %.4f on %d items" % (
    statistics.median(java_e2e) / statistics.median(py_e2e), statistics.median(java_fwd) / statistics.median(py_fwd),
    agree, len(top)))
if agree < 0.99:
    sys.exit("top-1 agreement below 0.99")
PY
