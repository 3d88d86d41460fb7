// The one OpenGL include of the project: GL ES 3.0 (WebGL2) on the web, GL 3.3 core natively.
// Natively the entry points come straight from libGL (Mesa/GLVND export every core function).
#pragma once

#if defined(__EMSCRIPTEN__)
#include <GLES3/gl3.h>
#else
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
#endif

namespace platform {

/// The line shaders start with: shader files hold only the body common to GLSL 3.30 and ESSL 3.00
/// (imgui_impl_opengl3 prepends its version line the same way).
#if defined(__EMSCRIPTEN__)
inline constexpr const char* kGlslHeader = "#version 300 es\nprecision highp float;\n";
#else
inline constexpr const char* kGlslHeader = "#version 330 core\n";
#endif

}  // namespace platform
