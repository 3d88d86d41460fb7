# Same seed, same exercise, on every platform: runs `backprop-cli variant` for every case of
# tests/fixtures/variants.json (written by the native CLI, generate_variants.py) and compares its
# stdout with the fixture byte for byte. CTest runs it with the native CLI, and in the Emscripten
# build with the wasm CLI under Node: both equal to one file means equal to each other.
#   cmake -DCLI=build/wasm/backprop-cli.js -DFIXTURE=tests/fixtures/variants.json -P tests/variant_cli.cmake
set(runner "")
if(CLI MATCHES "\\.js$")
  set(runner node --no-experimental-fetch)  # see TOOLCHAIN.md: Node 20's fetch breaks emscripten's loader
endif()
if(NOT EXISTS "${CLI}")
  message(FATAL_ERROR "${CLI} does not exist; build the backprop-cli target first")
endif()
file(READ "${FIXTURE}" fixture)
string(JSON count LENGTH "${fixture}")
math(EXPR last "${count} - 1")
set(failures 0)
foreach(i RANGE ${last})
  string(JSON seed GET "${fixture}" ${i} seed)
  string(JSON expected GET "${fixture}" ${i} json)
  string(JSON n_args LENGTH "${fixture}" ${i} args)
  set(args "")
  if(n_args GREATER 0)
    math(EXPR last_arg "${n_args} - 1")
    foreach(k RANGE ${last_arg})
      string(JSON arg GET "${fixture}" ${i} args ${k})
      list(APPEND args "${arg}")
    endforeach()
  endif()
  execute_process(COMMAND ${runner} "${CLI}" variant --seed ${seed} ${args}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT out STREQUAL "${expected}\n")
    math(EXPR failures "${failures} + 1")
    message(SEND_ERROR "variant --seed ${seed} ${args}: exit ${rc}\n  got:      ${out}\n  expected: ${expected}\n  stderr:   ${err}")
  endif()
endforeach()
if(failures GREATER 0)
  message(FATAL_ERROR "${failures} of ${count} variants differ from ${FIXTURE}")
endif()
message(STATUS "${count} variants byte-identical to ${FIXTURE}")
