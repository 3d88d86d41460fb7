# Embeds files into a generated C++ header at build time, so the app reads nothing from disk:
#   backprop_embed(<target> HEADER <name.h> [TEXT <files>...] [BINARY <files>...] [RANGES <list>])
# Each file becomes `inline constexpr` data named after it (grid.frag → grid_frag) in namespace
# `embedded`: TEXT as a string literal (shader bodies), BINARY as unsigned char[] plus its size
# (fonts). RANGES, if given, becomes `glyph_ranges[]`: pairs of code points ending in 0 (for ImGui).
# The header lands in <binary dir>/generated/, which <target> gets as a private include path.
set(_backprop_embed_script "${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake")

function(backprop_embed target)
  cmake_parse_arguments(ARG "" "HEADER" "TEXT;BINARY;RANGES" ${ARGN})
  set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/generated")
  set(out "${out_dir}/${ARG_HEADER}")
  string(REPLACE ";" "," text "${ARG_TEXT}")
  string(REPLACE ";" "," binary "${ARG_BINARY}")
  string(REPLACE ";" "," ranges "${ARG_RANGES}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DOUT=${out}" "-DTEXT=${text}" "-DBINARY=${binary}"
            "-DRANGES=${ranges}" -P "${_backprop_embed_script}"
    DEPENDS ${ARG_TEXT} ${ARG_BINARY} "${_backprop_embed_script}"
    COMMENT "Embedding ${ARG_HEADER}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
  target_include_directories(${target} PRIVATE "${out_dir}")
  # for the size report: what ends up inside the binary
  set_property(GLOBAL APPEND PROPERTY BACKPROP_EMBEDDED_DATA ${ARG_TEXT} ${ARG_BINARY})
endfunction()
