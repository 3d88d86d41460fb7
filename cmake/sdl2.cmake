# SDL2 as the target SDL2::SDL2 for both toolchains, plus OpenGL for the native build.
# Native: Debian's libsdl2-dev. Web: SDL2 built from Debian's source by scripts/setup.sh into
# .cache/sdl2-wasm (Emscripten's -sUSE_SDL=2 port would download it into a frozen cache).
if(TARGET SDL2::SDL2)
  return()
endif()

if(EMSCRIPTEN)
  set(_sdl_prefix "${BACKPROP_CACHE}/sdl2-wasm")
  if(NOT EXISTS "${_sdl_prefix}/lib/libSDL2.a")
    message(FATAL_ERROR "SDL2 for wasm not found in ${_sdl_prefix}: run scripts/setup.sh")
  endif()
  add_library(SDL2::SDL2 STATIC IMPORTED)
  set_target_properties(SDL2::SDL2 PROPERTIES
    IMPORTED_LOCATION "${_sdl_prefix}/lib/libSDL2.a"
    INTERFACE_INCLUDE_DIRECTORIES "${_sdl_prefix}/include/SDL2")
else()
  find_package(SDL2 2.0.17 REQUIRED CONFIG)
  set(OpenGL_GL_PREFERENCE GLVND)
  find_package(OpenGL REQUIRED)
endif()
