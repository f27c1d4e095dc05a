#!/usr/bin/env bash
# The GPU check of glami-bench, for a machine with an NVIDIA GPU (docs/gpu.md). With the GPU build
# (GLAMI_BENCH_GPU=1 ./glami-bench, built on first use) it:
#   1. checks the device: nvidia-smi lists the GPU, and the harness's engine sees it;
#   2. makes a small sample and trains the built-in image model on the GPU for one epoch;
#   3. runs one forward pass of that model over 256 test items on the GPU and on the CPU and compares
#      the probabilities (max abs difference at most 1e-3, and the top-1 of every item);
#   4. evaluates the sample's test split on the GPU (a short evaluation: items/s);
#   5. measures offline throughput at batch 1, 32 and 128 (glami-bench perf);
# and writes everything into one JSON: OUT/gpu-check.json (machine; GPU name, memory, driver, CUDA;
# engine versions; the forward check; evaluation items/s; throughput per batch size).
# Usage: benchmarks/gpu/check.sh [DEVICE] [OUT]    (defaults: gpu:0 and target-gpu/gpu-check)
# Exits 0 when every check passed, 1 when one failed, 2 when there is no GPU to check.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
device="${1:-gpu:0}"
out="${2:-$root/target-gpu/gpu-check}"
fail() { echo "check.sh: $2" >&2; exit "$1"; }

[[ "$device" =~ ^gpu(:[0-9]+)?$ ]] || fail 2 "DEVICE must be gpu or gpu:N, got '$device'"
index="${device#gpu}"; index="${index#:}"; index="${index:-0}"
command -v nvidia-smi >/dev/null \
  || fail 2 "no NVIDIA GPU here: nvidia-smi is not installed (this check needs an NVIDIA GPU and its driver)"
gpus="$(nvidia-smi --query-gpu=index,name --format=csv,noheader 2>&1)" \
  || fail 2 "no NVIDIA GPU here: nvidia-smi failed: $gpus"
grep -q "^$index," <<<"$gpus" || fail 2 "nvidia-smi lists no GPU $index; it lists: ${gpus:-none}"
command -v java >/dev/null || fail 2 "a JDK 17 is needed (java is not on the PATH)"

export GLAMI_BENCH_GPU=1
bench() { "$root/glami-bench" "$@"; }
mkdir -p "$out"
log="$out/check.log"
: >"$log"
step() { echo "check.sh: $1" >&2; }

step "1/5 the GPU build and a sample (the first use builds the harness with -Pgpu)"
sample="$out/sample"
[ -d "$sample/GLAMI-1M-dataset" ] || bench sample --out "$sample" --train 2000 --test 512 >>"$log"
model="$out/image"
step "2/5 training the image model on $device (1 epoch)"
bench train --model image --data "$sample" --out "$model" --epochs 1 --device "$device" --force >>"$log" \
  || fail 1 "training on $device failed (see $log and the error above)"

step "3/5 one forward pass on $device and on the CPU (256 items)"
runs="$out/runs"
for d in cpu "$device"; do
  bench eval --adapter image --adapter-option "model=$model" --data "$sample" --out "$runs" --limit 256 \
    --batch 32 --device "$d" --save-scores --run-id "forward-${d%%:*}" --force >>"$log" \
    || fail 1 "the forward pass on $d failed (see $log)"
done

step "4/5 a short evaluation on $device"
bench eval --adapter image --adapter-option "model=$model" --data "$sample" --out "$runs" --batch 128 \
  --device "$device" --run-id evaluation --force >>"$log" || fail 1 "the evaluation on $device failed (see $log)"

step "5/5 throughput at batch 1, 32 and 128"
for batch in 1 32 128; do
  bench perf --adapter image --adapter-option "model=$model" --data "$sample" --out "$out/perf-$batch" \
    --scenario offline --batch "$batch" --items 512 --duration 10 --warmup 3 --device "$device" >>"$log" \
    || fail 1 "perf at batch $batch on $device failed (see $log)"
done

# The report: the GPU build's own class path (Jackson, the harness's NPY reader).
java -cp "$root/cli/target-gpu/classes:$root/cli/target-gpu/lib/*" "$here/GpuCheckReport.java" "$out" "$device"
