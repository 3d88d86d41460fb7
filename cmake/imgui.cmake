# Dear ImGui 1.86 from Debian's source package (unpacked by scripts/setup.sh into .cache/src):
# the same files for the native and the wasm build, so both apps run one ImGui version.
#   imgui::imgui     the core (no platform): what src/app and headless UI tests link
#   imgui::backends  the SDL2 + OpenGL3 backends: only src/platform links them
set(BACKPROP_CACHE "${PROJECT_SOURCE_DIR}/.cache" CACHE PATH "Sources and builds prepared by scripts/setup.sh")
set(IMGUI_DIR "${BACKPROP_CACHE}/src/imgui-1.86")
if(NOT EXISTS "${IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}: run scripts/setup.sh")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/sdl2.cmake)

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp
  ${IMGUI_DIR}/imgui_draw.cpp
  ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp
)
add_library(imgui::imgui ALIAS imgui)
if(EMSCRIPTEN)
  target_compile_options(imgui PRIVATE -Os)  # size over speed: ImGui is most of the download
endif()
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR})
# the test-engine hooks let the app's probe record every labelled widget's text (src/app/probe_hooks.cpp)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_ENABLE_TEST_ENGINE)

add_library(imgui_backends STATIC
  ${IMGUI_DIR}/backends/imgui_impl_sdl.cpp
  ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
)
add_library(imgui::backends ALIAS imgui_backends)
target_include_directories(imgui_backends SYSTEM PUBLIC ${IMGUI_DIR}/backends)
target_link_libraries(imgui_backends PUBLIC imgui SDL2::SDL2)
if(EMSCRIPTEN)
  # WebGL2 is GL ES 3.0: GLES3 headers and "#version 300 es" shaders (the default would be ES2)
  target_compile_definitions(imgui_backends PUBLIC IMGUI_IMPL_OPENGL_ES3)
else()
  # natively the backend loads GL itself (its bundled gl3w); libGL only has to be linked
  target_link_libraries(imgui_backends PUBLIC OpenGL::GL ${CMAKE_DL_LIBS})
endif()
