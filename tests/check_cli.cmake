# The exit-status contract of `check` and `key` (0 right, 1 wrong, 2 invalid input with one line on
# stderr), for the native CLI and, in the Emscripten build, the wasm CLI under Node (the Node test
# suite in tests/cli spawns the native binary only).
#   cmake -DCLI=<backprop-cli or backprop-cli.js> -DWORK=<scratch dir> -P tests/check_cli.cmake
set(runner "")
if(CLI MATCHES "\\.js$")
  set(runner node --no-experimental-fetch)
endif()
file(MAKE_DIRECTORY "${WORK}")
set(state [=[{"input": [4, 1], "label": [0, 1], "W0": [[1, -2], [2, 5]], "W1": [[3, -3], [-1, 1]]}]=])
file(WRITE "${WORK}/right.json" "{\"state\": ${state}, \"answers\": {\"h\": \"tensor([ 2., 13.])\", \"grad:W0\": \"\"}}")
file(WRITE "${WORK}/half.json" "{\"state\": ${state}, \"answers\": {\"grad:W1\": \"tensor([[ 7.7811e-20,  5.0577e-19],\\n        [-7.7811e-20, -5.0577e-19]])\"}}")
file(WRITE "${WORK}/bad.json" "{\"state\": ${state}, \"answers\": {\"grad:W1\": \"tensor([[1., 2.],\\n        [3., x]])\"}}")
file(WRITE "${WORK}/state.json" "${state}")

set(failures 0)
# expect(<name> <exit status> <regex for stdout> <regex for stderr> <args>…)
function(expect name status out_regex err_regex)
  execute_process(COMMAND ${runner} "${CLI}" ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL status OR NOT out MATCHES "${out_regex}" OR NOT err MATCHES "${err_regex}")
    message(SEND_ERROR "${name}: exit ${rc} (expected ${status})\n  stdout: ${out}\n  stderr: ${err}")
    math(EXPR n "${failures} + 1")
    set(failures ${n} PARENT_SCOPE)
  endif()
endfunction()

expect("all right → 0" 0 "^{\"verdicts\":{\"h\":{\"ok\":true,[^\n]*\"first_wrong\":null}\n$" "^$" check "${WORK}/right.json")
expect("notebook's ∇W1 → 1, scaled by ½" 1 "\"mistake\":\"scaled\",\"factor\":0.5,.*\"first_wrong\":\"grad:W1\"" "^$"
       check "${WORK}/half.json")
expect("table" 1 "grad:W1  scaled ×0.5" "^$" check "${WORK}/half.json" --format table)
expect("unparseable → 2" 2 "^$"
       "^error: answers.grad:W1: unexpected \"x\" at line 2, column 14; expected a number, \"\\[\" or \"\\]\"\n$"
       check "${WORK}/bad.json")
expect("bad tolerance → 2" 2 "^$" "^error: --tolerance: [^\n]*\n$" check "${WORK}/right.json" --tolerance 0)
expect("key" 0 "\\| `grad:W1` \\| ∇\\\\_{W1} l \\|" "^$" key "${WORK}/state.json")
expect("blank key" 0 "\\*\\*`grad:W1`\\*\\* — [^\n]*\n\n```text\n\\[\\[ +, +\\],\n \\[ +, +\\]\\]\n```" "^$"
       key "${WORK}/half.json" --blank)
expect("student sheet" 0 "^# Backprop exercise, student 20240001: answer sheet\n" "^$" key --student 20240001 --course k --blank)
expect("bad layout → 2" 2 "^$" "^error: --layout: unknown value \"diagonal\"" check "${WORK}/right.json" --layout diagonal)
expect("latex key" 0 "^\\\\documentclass" "^$" key "${WORK}/state.json" --format latex)
expect("variant without seed → 2" 2 "^$" "^error: --seed: is required" variant)
expect("student variant" 0 "^{\"input\":[^\n]*\"b1\":\\[0\\.[0-9]+,0\\]" "^$" variant --student 20240001 --course k)
expect("seed and student → 2" 2 "^$" "^error: --student: and --seed exclude each other" variant --student 1 --seed 1)
expect("course without student → 2" 2 "^$" "^error: --course: needs --student" variant --course k)
if(failures GREATER 0)
  message(FATAL_ERROR "${failures} check/key expectations failed for ${CLI}")
endif()
