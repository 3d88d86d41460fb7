// gl_program: one compile + link path for the grid, the plane and the landscape.
#include "app/gl_program.h"

#include <cstdio>
#include <vector>

#include "platform/gl.h"

namespace app {
namespace {

// the compiler's or linker's log on stderr (glGetShaderInfoLog / glGetProgramInfoLog)
template <typename GetLog>
void report(const char* name, const char* failed, GLuint id, GetLog get_log) {
  char log[2048] = "";
  get_log(id, sizeof log, nullptr, log);
  std::fprintf(stderr, "%s: shader did not %s: %s\n", name, failed, log);
}

GLuint compile(const char* name, GLenum stage, std::initializer_list<const char*> bodies) {
  std::vector<const char*> sources{platform::kGlslHeader};
  sources.insert(sources.end(), bodies.begin(), bodies.end());
  const GLuint shader = glCreateShader(stage);
  glShaderSource(shader, static_cast<GLsizei>(sources.size()), sources.data(), nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    report(name, "compile", shader, glGetShaderInfoLog);
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

}  // namespace

unsigned gl_program(const char* name, std::initializer_list<const char*> vertex,
                    std::initializer_list<const char*> fragment) {
  const GLuint vs = compile(name, GL_VERTEX_SHADER, vertex);
  const GLuint fs = compile(name, GL_FRAGMENT_SHADER, fragment);
  GLuint program = 0;
  if (vs && fs) {
    program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
      report(name, "link", program, glGetProgramInfoLog);
      glDeleteProgram(program);
      program = 0;
    }
  }
  if (vs) glDeleteShader(vs);
  if (fs) glDeleteShader(fs);
  return program;
}

void gl_release(unsigned& program, unsigned& vao) {
  if (program) glDeleteProgram(program);
  if (vao) {
    const GLuint id = vao;
    glDeleteVertexArrays(1, &id);
  }
  program = vao = 0;
}

}  // namespace app
