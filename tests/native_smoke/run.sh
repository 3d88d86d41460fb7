#!/usr/bin/env bash
# Native smoke test of backprop-lab (CTest "app-native-smoke"):
#   1. under Xvfb, `--frames 30 --screenshot` exits 0 and the screenshot is not blank;
#   2. a deeper network given with --state draws too;
#   3. a bad --state prints the CLI's error line and exits 2, like `backprop-cli eval`;
#   4. an answer sheet opens as FILE and as --state; 5. a FILE of garbage exits 2 with the CLI's line.
# usage: run.sh BACKPROP_LAB PNG_STATS BACKPROP_CLI OUT_DIR
set -euo pipefail
lab=$1 stats=$2 cli=$3 out=$4
mkdir -p "$out"

run_xvfb() { xvfb-run -a -s "-screen 0 1280x800x24" "$@"; }

echo "1. the exercise, 30 frames"
rm -f "$out/native-smoke.png"
run_xvfb "$lab" --frames 30 --screenshot "$out/native-smoke.png"
"$stats" "$out/native-smoke.png" --min-variance 50

echo "2. a 3-layer network from --state"
cat > "$out/deeper.json" <<'JSON'
{"input": [1, -2, 0.5], "label": [0, 1],
 "W0": [[1, 0.5, -1], [0.25, -1, 2], [1, 1, 1], [-0.5, 0, 0.75]], "b0": [0.1, 0, -0.1, 0],
 "W1": [[1, -1, 0.5, 0], [0, 2, -1, 1], [0.5, 0.5, 0.5, 0.5]],
 "W2": [[1, -2, 0.5], [-1, 1, 0.25]], "activation": "tanh"}
JSON
run_xvfb "$lab" --state "$out/deeper.json" --frames 10 --screenshot "$out/native-deeper.png"
"$stats" "$out/native-deeper.png" --min-variance 50

# the app refuses a file with exactly the CLI's error line and status 2
expect_cli_error() {  # expect_cli_error "LAB ARGS…" -- CLI ARGS…
  local lab_args=() cli_args=()
  while [ "$1" != "--" ]; do lab_args+=("$1"); shift; done
  shift
  cli_args=("$@")
  set +e
  lab_error=$("$lab" "${lab_args[@]}" 2>&1 >/dev/null)
  lab_status=$?
  cli_error=$("$cli" "${cli_args[@]}" 2>&1 >/dev/null)
  set -e
  echo "   backprop-lab: $lab_error (status $lab_status)"
  if [ "$lab_status" -ne 2 ] || [ "$lab_error" != "$cli_error" ]; then
    echo "FAILED: expected status 2 and the CLI's line: $cli_error" >&2
    exit 1
  fi
}

echo "3. a bad --state: the CLI's error line, exit status 2"
echo '{"input": [1], "label": [0.5, 0.7], "W0": [[1], [2]]}' > "$out/bad.json"
expect_cli_error --state "$out/bad.json" -- eval "$out/bad.json"

echo "4. an answer sheet (the check input, as the app exports it) as FILE and as --state"
state=$("$cli" exercise)
printf '{"student": "s-7", "state": %s, "answers": {"h": "[2, 13]", "grad:W1": "tensor([[1, 2], [3, 4]])"}}\n' "$state" > "$out/sheet.json"
run_xvfb "$lab" "$out/sheet.json" --frames 10 --screenshot "$out/native-sheet.png"
"$stats" "$out/native-sheet.png" --min-variance 50
run_xvfb "$lab" --state "$out/sheet.json" --frames 5

echo "5. a FILE of garbage: the CLI's error line, exit status 2"
printf 'not json at all' > "$out/garbage.json"
expect_cli_error "$out/garbage.json" -- link "$out/garbage.json"
echo "native smoke: all passed"
