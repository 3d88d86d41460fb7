// Screenshots with glReadPixels and libpng's simplified API (GL rows run bottom-up, PNG's top-down).
#include "platform/screenshot.h"

#include <cstdio>
#include <cstring>
#include <vector>

#include <png.h>

#include "platform/gl.h"

namespace platform {

bool write_screenshot(const std::string& path, int width, int height) {
  if (width <= 0 || height <= 0) return false;
  const size_t stride = static_cast<size_t>(width) * 3;
  std::vector<unsigned char> pixels(stride * static_cast<size_t>(height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());

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
    return false;
  }
  return true;
}

}  // namespace platform
