#!/usr/bin/env bash
# Native smoke test of backprop-lab (CTest "app-native-smoke"):
#   1. under Xvfb, `--frames 30 --screenshot` exits 0 and the screenshot is not blank;
#   2. a deeper network given with --state draws too;
#   3. a bad --state prints the CLI's error line and exits 2, like `backprop-cli eval`.
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

echo "3. a bad --state: the CLI's error line, exit status 2"
echo '{"input": [1], "label": [0.5, 0.7], "W0": [[1], [2]]}' > "$out/bad.json"
set +e
lab_error=$("$lab" --state "$out/bad.json" 2>&1 >/dev/null)
lab_status=$?
cli_error=$("$cli" eval "$out/bad.json" 2>&1 >/dev/null)
set -e
echo "   backprop-lab: $lab_error (status $lab_status)"
if [ "$lab_status" -ne 2 ] || [ "$lab_error" != "$cli_error" ]; then
  echo "FAILED: expected status 2 and the CLI's line: $cli_error" >&2
  exit 1
fi
echo "native smoke: all passed"
