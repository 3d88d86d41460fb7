# The app's one font: DejaVu Sans (Debian's fonts-dejavu-core; it has Greek and ∇ ⊙ ᵀ ·, which
# ImGui's built-in font lacks), subset at build time to the code points below with fontTools and
# embedded by backprop_embed. The same list becomes the glyph ranges ImGui rasterises.
#   backprop_embed_font(<target> HEADER <name.h>)
include(${CMAKE_CURRENT_LIST_DIR}/embed.cmake)

set(BACKPROP_FONT_FILE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" CACHE FILEPATH "Font to subset and embed")
set(BACKPROP_FONT_RANGES
  0x0020-0x007E                                    # ASCII
  0x00B0-0x00B9 0x00D7                             # ° ± ² ³ · ¹ ×
  0x0391-0x03C9                                    # Greek
  0x1D40 0x1D62 0x2C7C                             # ᵀ ᵢ ⱼ
  0x2013-0x2016 0x2026 0x2032                      # – — ‖ … ′
  0x2070-0x209C                                    # superscripts and subscripts
  0x2113                                           # ℓ (the loss)
  0x2190-0x2194 0x21D2                             # ← ↑ → ↓ ↔ ⇒
  0x21B6-0x21B7                                    # ↶ ↷ (undo, redo)
  0x2202 0x2207-0x2208 0x2211-0x2212 0x2218 0x221A 0x221E  # ∂ ∇ ∈ ∑ − ∘ √ ∞
  0x2248 0x2260 0x2264-0x2265 0x2297 0x2299 0x22C5 # ≈ ≠ ≤ ≥ ⊗ ⊙ ⋅
  0x25A0 0x25B2 0x25B6 0x25BC 0x25C0 0x25CB 0x25CF # ■ ▲ ▶ ▼ ◀ ○ ●
  0x2713 0x2717 0x2750                             # ✓ ✗ ❐ (copy)
)

find_program(BACKPROP_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)  # Debian's fonttools
if(NOT BACKPROP_PYTHON3)
  message(FATAL_ERROR "/usr/bin/python3 not found (fontTools for the font subset): run scripts/setup.sh")
endif()

function(backprop_embed_font target)
  cmake_parse_arguments(ARG "" "HEADER" "" ${ARGN})
  get_filename_component(stem "${BACKPROP_FONT_FILE}" NAME_WE)
  set(subset "${CMAKE_CURRENT_BINARY_DIR}/fonts/${stem}-subset.ttf")
  string(REPLACE "0x" "" unicodes "${BACKPROP_FONT_RANGES}")  # fontTools reads 0020-007E
  string(REPLACE ";" "," unicodes "${unicodes}")
  # no hinting and no OpenType layout: stb_truetype (ImGui's rasteriser) uses neither
  add_custom_command(
    OUTPUT "${subset}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/fonts"
    COMMAND ${BACKPROP_PYTHON3} -m fontTools.subset "${BACKPROP_FONT_FILE}" "--unicodes=${unicodes}"
            --no-hinting --layout-features= --name-IDs= --drop-tables+=GSUB,GPOS,GDEF,kern,FFTM
            "--output-file=${subset}"
    DEPENDS "${BACKPROP_FONT_FILE}"
    COMMENT "Subsetting ${stem} to the app's glyphs"
    VERBATIM)
  backprop_embed(${target} HEADER ${ARG_HEADER} BINARY "${subset}" RANGES ${BACKPROP_FONT_RANGES})
endfunction()
