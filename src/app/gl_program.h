// Compiling and linking the app's shader programs: each stage is the platform's version line
// (platform::kGlslHeader) followed by the embedded GLSL bodies, in order.
#pragma once
#include <initializer_list>

namespace app {

/// The linked program, or 0 (with the compiler's log on stderr, prefixed by `name`).
unsigned gl_program(const char* name, std::initializer_list<const char*> vertex,
                    std::initializer_list<const char*> fragment);

/// Deletes a program and its vertex array (either may be 0) and zeroes both.
void gl_release(unsigned& program, unsigned& vao);

}  // namespace app
