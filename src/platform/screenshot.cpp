// Screenshots with glReadPixels and libpng's simplified API (GL rows run bottom-up, PNG's top-down);
// the graph's picture rendered again into an offscreen framebuffer at twice the pixels.
#include "platform/screenshot.h"

#include <cstdio>
#include <cstring>
#include <vector>

#include <imgui_impl_opengl3.h>
#include <png.h>

#include "platform/gl.h"

namespace platform {
namespace {

// x, y: the lower-left corner in GL's framebuffer coordinates
bool write_pixels(const std::string& path, int x, int y, int width, int height, std::string* error) {
  if (width <= 0 || height <= 0) {
    if (error) *error = "error: " + path + ": nothing to write (an empty area)";
    return false;
  }
  const size_t stride = static_cast<size_t>(width) * 3;
  std::vector<unsigned char> pixels(stride * static_cast<size_t>(height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x, y, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());

  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = PNG_FORMAT_RGB;
  // a negative row stride writes the rows bottom-up, which flips GL's image the right way round
  const png_int_32 row_stride = -static_cast<png_int_32>(stride);
  if (!png_image_write_to_file(&image, path.c_str(), 0, pixels.data(), row_stride, nullptr)) {
    std::fprintf(stderr, "backprop-lab: cannot write %s: %s\n", path.c_str(), image.message);
    if (error) *error = "error: " + path + ": " + image.message;
    return false;
  }
  return true;
}

}  // namespace

bool write_screenshot(const std::string& path, int width, int height) {
  return write_pixels(path, 0, 0, width, height, nullptr);
}

std::string write_picture(const std::string& path, ImDrawData* draw_data, const app::logic::Rect& area, float factor) {
  const ImVec2 saved = draw_data->FramebufferScale;
  const ImVec2 scale(saved.x * factor, saved.y * factor);
  const int fb_w = static_cast<int>(draw_data->DisplaySize.x * scale.x);
  const int fb_h = static_cast<int>(draw_data->DisplaySize.y * scale.y);
  GLuint fbo = 0, color = 0;
  glGenFramebuffers(1, &fbo);
  glGenRenderbuffers(1, &color);
  glBindRenderbuffer(GL_RENDERBUFFER, color);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, fb_w, fb_h);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
  std::string result;
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    result = "error: " + path + ": no offscreen framebuffer of " + std::to_string(fb_w) + "×" + std::to_string(fb_h);
  } else {
    // the same draw lists at `factor` × the pixels (the grid shader reads the scale from them too)
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.1f, 0.1f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_data->FramebufferScale = scale;
    ImGui_ImplOpenGL3_RenderDrawData(draw_data);
    draw_data->FramebufferScale = saved;
    const int x = static_cast<int>((area.x - draw_data->DisplayPos.x) * scale.x);
    const int w = static_cast<int>(area.w * scale.x), h = static_cast<int>(area.h * scale.y);
    const int y = fb_h - static_cast<int>((area.y - draw_data->DisplayPos.y) * scale.y) - h;
    char size[96];
    std::snprintf(size, sizeof size, " (%d×%d: the graph area, %.0f×%.0f, at %g×)", w, h, area.w, area.h, factor);
    if (write_pixels(path, x, y, w, h, &result)) result = "Saved " + path + size;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteRenderbuffers(1, &color);
  glDeleteFramebuffers(1, &fbo);
  return result;
}

}  // namespace platform
