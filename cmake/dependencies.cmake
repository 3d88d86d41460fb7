# Header-only dependencies from Debian's packages, as imported targets for both toolchains.
# Under Emscripten find_package only searches the emscripten sysroot, so the host headers are
# exposed through a folder of symlinks (never -I/usr/include, which would shadow the sysroot's libc).
if(EMSCRIPTEN)
  set(_host_include "${CMAKE_BINARY_DIR}/host-include")
  foreach(_dir nlohmann doctest fast_float)
    if(NOT EXISTS "${_host_include}/${_dir}")
      file(MAKE_DIRECTORY "${_host_include}")
      file(CREATE_LINK "/usr/include/${_dir}" "${_host_include}/${_dir}" SYMBOLIC)
    endif()
  endforeach()
  add_library(eigen INTERFACE)
  target_include_directories(eigen SYSTEM INTERFACE /usr/include/eigen3)
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${_host_include}")
  add_library(doctest INTERFACE)
  target_include_directories(doctest SYSTEM INTERFACE "${_host_include}")
  # doctest's REQUIRE ends a test case by throwing: the test programs catch C++ exceptions. The
  # app does not (nothing in src/ catches one), so it is built without: Emscripten's catching
  # costs every call that might throw an invoke through JavaScript, and the download the size
  target_compile_options(doctest INTERFACE -fexceptions)
  target_link_options(doctest INTERFACE -fexceptions)
  add_library(fast_float INTERFACE)
  target_include_directories(fast_float SYSTEM INTERFACE "${_host_include}")
  add_library(Eigen3::Eigen ALIAS eigen)
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
  add_library(doctest::doctest ALIAS doctest)
  add_library(FastFloat::fast_float ALIAS fast_float)
else()
  find_package(Eigen3 3.4 REQUIRED NO_MODULE)
  find_package(nlohmann_json 3 REQUIRED)
  find_package(doctest REQUIRED)
  find_package(FastFloat REQUIRED)  # exact, fast reading of JSON numbers (libfast-float-dev)
endif()
