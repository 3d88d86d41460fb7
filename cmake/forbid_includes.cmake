# backprop_forbid_includes(WHAT REGEX): fails the configure step when a .h/.cpp of the calling
# folder includes a header matching REGEX (what a layer must not depend on), naming the file.
function(backprop_forbid_includes what regex)
  file(GLOB sources ${CMAKE_CURRENT_SOURCE_DIR}/*.h ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  foreach(f ${sources})
    file(STRINGS ${f} bad REGEX "#include [\"<]${regex}")
    if(bad)
      message(FATAL_ERROR "${f}: ${what} must not include ${bad}")
    endif()
  endforeach()
endfunction()
