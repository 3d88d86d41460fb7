#!/usr/bin/env bash
# Native smoke test of backprop-lab (CTest "app-native-smoke"):
#   1. under Xvfb, `--frames 30 --screenshot` exits 0 and the screenshot is not blank;
#   2. a deeper network given with --state draws too;
#   3. a bad --state prints the CLI's error line and exits 2, like `backprop-cli eval`;
#   4. an answer sheet opens as FILE and as --state; 5. a FILE of garbage exits 2 with the CLI's line.
#   6. --export-picture writes backprop-lab-graph.svg (well-formed XML with the graph's names and
#      numbers) and backprop-lab-graph.png (twice the graph area's pixels, not blank), as the
#      toolbar's "Export picture" does.
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

echo "6. Export picture: SVG and PNG 2× in the current directory"
pictures="$out/pictures"
rm -rf "$pictures" && mkdir -p "$pictures"
export_log=$(cd "$pictures" && run_xvfb "$lab" --export-picture --theme light)
echo "$export_log"
test -s "$pictures/backprop-lab-graph.svg" && test -s "$pictures/backprop-lab-graph.png"
/usr/bin/python3 - "$pictures/backprop-lab-graph.svg" <<'PY'
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
def content(node):  # a <text>'s characters, its <tspan>s joined
    return ''.join(c.data if c.nodeType == c.TEXT_NODE else content(c) for c in node.childNodes)
texts = [content(e) for e in doc.getElementsByTagName('text')]
# every node's header and numbers from the exercise (the true minus sign, as on screen)
for want in ['W0  parameter', 'W1  parameter', 'h  W\u00b7x', 'L  relu', 'O  W\u00b7x', 's  softmax',
             '\u2113  CE(softmax)', 'I  input', 'y (label)', '7.781e\u221220', '1.556e\u221219', '\u22122.179e\u221218']:
    assert want in texts, 'missing ' + want
assert doc.documentElement.getAttribute('version') == '1.1'
print('   svg: well-formed,', len(texts), 'texts')
PY
"$stats" "$pictures/backprop-lab-graph.png" --min-variance 50
# "(W×H: the graph area, w×h, at 2×)": the PNG has those pixels, twice the area's
read -r png_w png_h area_w area_h < <(echo "$export_log" | sed -n 's/.*graph.png (\([0-9]*\)×\([0-9]*\): the graph area, \([0-9]*\)×\([0-9]*\), at 2×).*/\1 \2 \3 \4/p')
size=$("$stats" "$pictures/backprop-lab-graph.png" | sed -n 's/.*: \([0-9]*x[0-9]*\),.*/\1/p')
echo "   png: $size, graph area ${area_w}x${area_h}"
if [ "$size" != "${png_w}x${png_h}" ] || [ $((png_w - 2 * area_w)) -lt -1 ] || [ $((png_w - 2 * area_w)) -gt 1 ] ||
   [ $((png_h - 2 * area_h)) -lt -1 ] || [ $((png_h - 2 * area_h)) -gt 1 ] || [ "$area_w" -lt 300 ]; then
  echo "FAILED: the PNG is not twice the graph area" >&2
  exit 1
fi
echo "native smoke: all passed"
