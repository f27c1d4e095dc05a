#!/usr/bin/env bash
# The accuracy check a model repository runs on every push (see README.md beside this script):
#
#   run.sh ADAPTER_JAR ADAPTER_NAME BASELINE_RUN_DIR [DATA_DIR]
#
# validates the built adapter jar, evaluates ADAPTER_NAME on a fixed sample (DATA_DIR, e.g. a cached
# real test split; without it, the seeded synthetic sample of SAMPLE_ARGS, generated afresh), and
# gates the fresh run against the committed run BASELINE_RUN_DIR with `glami-bench gate`. It builds
# nothing but the harness itself (the launcher's first use). Exit code: the gate's (0 passed,
# 1 a significant fall, 2 bad input such as runs on different test sets); a failed validate or eval
# exits with its own code, bad usage of this script with 2.
#
# Environment:
#   GLAMI_BENCH     (required) a glami-bench checkout, or its launcher script
#   GLAMI_CI_OUT    where everything is written (default: glami-ci): the fresh run in
#                   $GLAMI_CI_OUT/runs/ADAPTER_NAME, the outputs of validate and gate in
#                   $GLAMI_CI_OUT/validate.txt, gate.txt and gate-errors.txt (standard error), the
#                   generated sample in $GLAMI_CI_OUT/sample
#   GATE_ARGS       more options of `glami-bench gate`, e.g. "--max-drop 0.01 --alpha 0.01", "--exact"
#   ADAPTER_ARGS    more options of both `validate` and `eval`, e.g. "--adapter-option k=v"
#   EVAL_ARGS       more options of `eval` alone, e.g. "--subset 5000 --seed 1 --batch 64"
#   SAMPLE_ARGS     the sample's options when there is no DATA_DIR
#                   (default: "--train 2000 --test 600 --seed 7")
#   GLAMI_CI_UPDATE set to 1 to write the fresh run to BASELINE_RUN_DIR (without scores.npy) instead
#                   of gating: how the baseline is made, and remade when a fall is intended
# The *_ARGS are split at white space (no quoting).
set -euo pipefail

fail() {
  echo "glami-ci: $1" >&2
  exit 2
}

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
  fail "usage: run.sh ADAPTER_JAR ADAPTER_NAME BASELINE_RUN_DIR [DATA_DIR]"
fi
jar="$1"
adapter="$2"
baseline="$3"
data="${4:-}"

if [ -z "${GLAMI_BENCH:-}" ]; then
  fail "set GLAMI_BENCH to a glami-bench checkout (or its launcher script glami-bench)"
fi
launcher="$GLAMI_BENCH"
if [ -d "$launcher" ]; then
  launcher="$launcher/glami-bench"
fi
if [ ! -f "$launcher" ] || [ ! -x "$launcher" ]; then
  fail "GLAMI_BENCH=$GLAMI_BENCH is neither a glami-bench checkout nor its launcher script"
fi
[ -f "$jar" ] || fail "no adapter jar at $jar: build it first"
[ -z "$data" ] || [ -d "$data" ] || fail "no data folder at $data"
update="${GLAMI_CI_UPDATE:-0}"
if [ "$update" != 1 ] && [ ! -f "$baseline/run.json" ]; then
  fail "no baseline run at $baseline (a run folder with run.json): make one with GLAMI_CI_UPDATE=1 and commit it"
fi
if [ "$update" = 1 ] && [ -e "$baseline" ] && [ ! -f "$baseline/run.json" ] \
    && [ -n "$(ls -A "$baseline")" ]; then
  fail "$baseline is not a run folder and not empty: GLAMI_CI_UPDATE=1 replaces only a run folder"
fi

read -r -a gate_args <<< "${GATE_ARGS:-}"
read -r -a adapter_args <<< "${ADAPTER_ARGS:-}"
read -r -a eval_args <<< "${EVAL_ARGS:-}"
read -r -a sample_args <<< "${SAMPLE_ARGS:---train 2000 --test 600 --seed 7}"

out="${GLAMI_CI_OUT:-glami-ci}"
mkdir -p "$out"
run="$out/runs/$adapter"

if [ -z "$data" ]; then
  data="$out/sample"
  echo "glami-ci: generating the sample (${sample_args[*]}) in $data"
  "$launcher" sample --out "$data" --force ${sample_args[@]+"${sample_args[@]}"}
fi

echo "glami-ci: validate $jar"
code=0
"$launcher" validate --adapter-jar "$jar" --adapter "$adapter" --data "$data" \
  ${adapter_args[@]+"${adapter_args[@]}"} > "$out/validate.txt" || code=$?
cat "$out/validate.txt"
if [ "$code" != 0 ]; then
  echo "glami-ci: validate failed (exit $code): the checklist above says why" >&2
  exit "$code"
fi

echo "glami-ci: eval $adapter into $run"
"$launcher" eval --adapter-jar "$jar" --adapter "$adapter" --data "$data" \
  --out "$out/runs" --run-id "$adapter" --force \
  ${adapter_args[@]+"${adapter_args[@]}"} ${eval_args[@]+"${eval_args[@]}"} || {
  code=$?
  echo "glami-ci: eval failed (exit $code)" >&2
  exit "$code"
}

if [ "$update" = 1 ]; then
  rm -rf "$baseline"
  mkdir -p "$baseline"
  for file in "$run"/*; do
    if [ "$(basename "$file")" != scores.npy ]; then
      cp -R "$file" "$baseline/"
    fi
  done
  echo "glami-ci: wrote the baseline $baseline from $run; commit it"
  exit 0
fi

echo "glami-ci: gate $run against $baseline"
"$launcher" gate --baseline "$baseline" --run "$run" ${gate_args[@]+"${gate_args[@]}"} \
  > "$out/gate.txt" 2> "$out/gate-errors.txt" || code=$?
cat "$out/gate.txt"
cat "$out/gate-errors.txt" >&2
if [ "$code" != 0 ] && [ "${GITHUB_ACTIONS:-}" = true ]; then
  # The gate's message as the job's error annotations.
  sed 's/^/::error title=glami-bench gate::/' "$out/gate-errors.txt"
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  { echo '### glami-bench gate'; echo '```'; cat "$out/gate.txt" "$out/gate-errors.txt"; echo '```'; } >> "$GITHUB_STEP_SUMMARY"
fi
exit "$code"
