#!/usr/bin/env bash
# The Python peer benchmark: the harness end to end against the original GLAMI-1M way in Python
# (pandas reads the CSV, skimage decodes and resizes, torch runs the forward pass), on the same
# TorchScript model, the same images and the same machine. Run from the repository root:
#
#   benchmarks/peer/run-peer.sh
#
# Environment (defaults in brackets):
#   PEER_ITEMS [512]      test items scored per run (the first N rows of a sample with N test rows)
#   PEER_BATCH [32]       items per forward call, both sides
#   PEER_REPEATS [3]      runs of each side; the table shows medians. Sides are interleaved (python,
#                         harness PyTorch, harness ONNX Runtime, then again) so that other load on the
#                         machine falls on all of them alike
#   PEER_THREADS []       if set: torch's threads on the Python side and the exported adapter's
#                         threads option on the harness side; if not, each side's default: all cores
#                         (the Python side sets torch.set_num_threads(cores) explicitly, since Debian's
#                         torch may pick 1 by itself)
#   PEER_WORK [benchmarks/target/peer]   where the sample, the model and the runs go
#   PEER_PYTHON [/usr/bin/python3]       a Python with Debian's python3-torch, python3-torchvision,
#                         python3-onnx, python3-pandas, python3-skimage
#
# Steps: `./glami-bench sample --train 2000 --test N` (once per N), exports ResNet-18 with random
# weights to TorchScript and ONNX with the harness's model specs (export_resnet18.py, once), then per
# repeat: python_pipeline.py, `./glami-bench eval --adapter exported` with the .pt.json spec (DJL's
# PyTorch engine) and with the .onnx.json spec (ONNX Runtime). The first repeat also checks that both
# harness runs' top-1 equals torch's argmax on every item (fails below 99% agreement).
#
# What is timed, on both sides the same way:
# - excluded: process start (Python imports, the JVM and the harness build), reading the model and
#   one dummy batch of 3 grey images through it (the exported adapter's check at open; the Python side
#   does the same, so neither side's first real batch pays the engine's first-call cost);
# - included: the CSV read (pandas.read_csv on the Python side; on the harness side the timer starts
#   after its CSV read, which takes milliseconds for these sizes), reading and decoding every JPEG,
#   the resize to 228x298 (same size: skimage order-1 resize / the harness's "bilinear"), the float
#   CHW conversion in [0, 1], batching, every forward pass (the first batch included) and the argmax.
#   The harness also computes softmax and top-5 and writes predictions.csv inside its timing; the
#   Python side writes its predictions after its timer stops.
# - end to end: items / that time. Harness: run.json timing.items_per_second (items / wall seconds
#   from the first batch to the last). The harness decodes on --threads input threads (all cores)
#   while the model runs; Python decodes one image at a time between forward passes.
# - forward only: items / time inside the forward calls. Python: the model(batch) calls summed.
#   Harness: run.json timing.adapter_seconds, the time inside predict (copying the batch into a
#   tensor, the forward, copying the logits out, softmax per item).
# - the same environment: OMP_WAIT_POLICY=PASSIVE (unless set), which the launcher sets for the
#   harness anyway, is exported for the Python side too (both torch builds use OpenMP; spinning
#   OpenMP threads slow down badly when other work shares the cores).
# Writes the table and results/peer/<yyyyMMdd-HHmmss>.json (git-ignored).
set -euo pipefail
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

items="${PEER_ITEMS:-512}"
batch="${PEER_BATCH:-32}"
repeats="${PEER_REPEATS:-3}"
threads="${PEER_THREADS:-}"
work="${PEER_WORK:-benchmarks/target/peer}"
python="${PEER_PYTHON:-/usr/bin/python3}"
here="benchmarks/peer"

die() {
  echo "run-peer: $*" >&2
  exit 1
}

{ [ -x ./glami-bench ] && [ -f "$here/run-peer.sh" ]; } || die "run me from the repository root (benchmarks/peer/run-peer.sh)"
for value in "$items" "$batch" "$repeats" ${threads:+"$threads"}; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || die "PEER_ITEMS, PEER_BATCH, PEER_REPEATS and PEER_THREADS must be positive numbers, got '$value'"
done
[ -x "$python" ] || die "no Python at $python (set PEER_PYTHON; Debian: apt-get install --no-install-recommends" \
  "python3-torch python3-torchvision python3-onnx python3-pandas python3-skimage)"
missing="$("$python" - <<'EOF'
import importlib
missing = []
for module, package in (("torch", "python3-torch"), ("torchvision", "python3-torchvision"), ("onnx", "python3-onnx"),
                        ("pandas", "python3-pandas"), ("skimage", "python3-skimage")):
    try:
        importlib.import_module(module)
    except Exception as e:
        missing.append("%s (%s: %s)" % (module, package, e))
print("; ".join(missing))
EOF
)" || die "$python failed to start"
[ -z "$missing" ] || die "$python lacks: $missing. Debian: apt-get install --no-install-recommends python3-torch" \
  "python3-torchvision python3-onnx python3-pandas python3-skimage"

root="$work/test$items"
data="$root/GLAMI-1M-dataset"
model="$root/model"
runs="$root/runs"
mkdir -p "$runs"

if [ ! -f "$data/GLAMI-1M-test.csv" ]; then
  ./glami-bench sample --out "$root" --train 2000 --test "$items"
fi
if [ ! -f "$model/resnet18.onnx.json" ] || [ ! -f "$model/resnet18.pt.json" ]; then
  "$python" "$here/export_resnet18.py" "$data" "$model"
fi

adapter_threads=()
python_threads=()
if [ -n "$threads" ]; then
  adapter_threads=(--adapter-option "threads=$threads")
  python_threads=(--threads "$threads")
fi

cpu="$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)"
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}; $items items, batch $batch, $repeats repeats;" \
  "OMP_WAIT_POLICY=$OMP_WAIT_POLICY"
load_before="$(uptime)"
echo "before: $load_before"

lines="$root/measurements.jsonl"
: >"$lines"
for repeat in $(seq 1 "$repeats"); do
  predictions=()
  [ "$repeat" -eq 1 ] && predictions=(--predictions "$root/python-predictions.csv")
  line="$("$python" "$here/python_pipeline.py" --data "$data" --model "$model/resnet18.pt" --limit "$items" \
    --batch "$batch" "${python_threads[@]}" "${predictions[@]}")" || die "python_pipeline.py failed"
  echo "$line" >>"$lines"
  echo "repeat $repeat: python: $line"
  for engine in pt onnx; do
    ./glami-bench eval --adapter exported --adapter-option "spec=$model/resnet18.$engine.json" \
      "${adapter_threads[@]}" --data "$data" --limit "$items" --batch "$batch" --out "$runs" \
      --run-id "$engine-r$repeat" --force >"$runs/$engine-r$repeat.log" 2>&1 \
      || { cat "$runs/$engine-r$repeat.log" >&2; die "glami-bench eval ($engine) failed"; }
    line="$("$python" - "$runs/$engine-r$repeat/run.json" "$engine" <<'EOF'
import json, sys
run = json.load(open(sys.argv[1]))
t = run["timing"]
print(json.dumps({"side": "harness", "engine": "PyTorch (DJL)" if sys.argv[2] == "pt" else "OnnxRuntime (DJL)",
                  "spec": sys.argv[2], "items": t["items"], "seconds": round(t["wall_seconds"], 3),
                  "forward_seconds": round(t["adapter_seconds"], 3),
                  "end_to_end_items_per_second": round(t["items_per_second"], 3),
                  "forward_items_per_second": round(t["items"] / t["adapter_seconds"], 3),
                  "input_threads": run["settings"]["threads"], "description": run["adapter"]["description"]}))
EOF
)"
    echo "$line" >>"$lines"
    echo "repeat $repeat: harness $engine: $line"
  done
done
load_after="$(uptime)"
echo "after: $load_after"

mkdir -p results/peer
out="results/peer/$(date +%Y%m%d-%H%M%S).json"
"$python" - "$lines" "$model/resnet18.pt.json" "$root/python-predictions.csv" "$runs" "$out" \
  "$(nproc)" "$cpu" "$load_before" "$load_after" "$items" "$batch" "$repeats" <<'EOF'
import json, os, statistics, sys
import pandas as pd

(lines, spec, python_predictions, runs, out, cores, cpu, load_before, load_after, items, batch,
 repeats) = sys.argv[1:]
measured = [json.loads(line) for line in open(lines)]

# Sanity check: the harness's top-1 against torch's argmax, item by item (first repeat).
categories = json.load(open(spec))["output"]["categories"]
python = pd.read_csv(python_predictions)
python["python_1"] = [categories[int(row.split()[0])] for row in python["top5"]]
python = python.rename(columns={"score_1": "python_score_1"})
agreement = {}
for engine in ("pt", "onnx"):
    harness = pd.read_csv("%s/%s-r1/predictions.csv" % (runs, engine)).merge(python, on="item_id")
    same = int((harness["pred_1"] == harness["python_1"]).sum())
    agreement[engine] = {"items": len(harness), "same_top1": same,
                         "max_score_1_difference": float((harness["score_1"] - harness["python_score_1"]).abs().max())}
    print("top-1 check, harness %s against torch: %d of %d items agree" % (engine, same, len(harness)))
    if len(harness) != int(items) or same < 0.99 * len(harness):
        sys.exit("run-peer: the harness's top-1 (%s) differs from torch's on %d of %d items"
                 % (engine, len(harness) - same, len(harness)))

rows = []
for key, label in (("python", "torch (TorchScript)"), ("pt", "PyTorch (DJL)"), ("onnx", "OnnxRuntime (DJL)")):
    mine = [m for m in measured if (m["side"] == "python" if key == "python" else m.get("spec") == key)]
    rows.append({"side": "python" if key == "python" else "harness", "engine": label,
                 "end_to_end_items_per_second": statistics.median(m["end_to_end_items_per_second"] for m in mine),
                 "forward_items_per_second": statistics.median(m["forward_items_per_second"] for m in mine),
                 "repeats": [m["end_to_end_items_per_second"] for m in mine]})
base = rows[0]["end_to_end_items_per_second"]
for row in rows:
    row["ratio_to_python"] = round(row["end_to_end_items_per_second"] / base, 3)

print()
print("%-8s %-20s %14s %14s %10s" % ("side", "engine", "end-to-end/s", "forward/s", "vs python"))
for row in rows:
    print("%-8s %-20s %14.2f %14.2f %9.2fx" % (row["side"], row["engine"], row["end_to_end_items_per_second"],
                                              row["forward_items_per_second"], row["ratio_to_python"]))
goals = {"pytorch_1.5x": rows[1]["ratio_to_python"] >= 1.5, "onnxruntime_3x": rows[2]["ratio_to_python"] >= 3}
print("goals: harness PyTorch >= 1.5x python: %s; harness ONNX Runtime >= 3x python: %s"
      % ("met" if goals["pytorch_1.5x"] else "NOT met", "met" if goals["onnxruntime_3x"] else "NOT met"))

python_run = next(m for m in measured if m["side"] == "python")
result = {"machine": {"cores": int(cores), "cpu": cpu, "load_before": load_before, "load_after": load_after,
                      "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY")},
          "settings": {"items": int(items), "batch": int(batch), "repeats": int(repeats),
                       "python_threads": python_run["threads"], "torch": python_run["torch"],
                       "pandas": python_run["pandas"], "skimage": python_run["skimage"]},
          "summary": rows, "goals": goals, "top1_check": agreement, "runs": measured}
with open(out, "w", encoding="utf-8") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
print("written: " + out)
EOF
