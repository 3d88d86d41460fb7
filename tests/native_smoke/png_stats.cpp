// png-stats FILE.png [--min-variance V]: prints a PNG's size and the variance of its pixels'
// luminance; exits 1 when the variance is below V (a blank or single-colour image).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <png.h>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: png-stats FILE.png [--min-variance V]\n");
    return 2;
  }
  double min_variance = 0;
  if (argc == 4 && std::string(argv[2]) == "--min-variance") min_variance = std::atof(argv[3]);

  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, argv[1])) {
    std::fprintf(stderr, "png-stats: %s: %s\n", argv[1], image.message);
    return 1;
  }
  image.format = PNG_FORMAT_RGB;
  std::vector<unsigned char> px(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, px.data(), 0, nullptr)) {
    std::fprintf(stderr, "png-stats: %s: %s\n", argv[1], image.message);
    return 1;
  }
  double sum = 0, sum_sq = 0;
  const size_t n = px.size() / 3;
  for (size_t i = 0; i < px.size(); i += 3) {
    const double y = 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
    sum += y;
    sum_sq += y * y;
  }
  const double mean = sum / n, variance = sum_sq / n - mean * mean;
  std::printf("%s: %ux%u, mean luminance %.1f, variance %.1f\n", argv[1], image.width, image.height, mean, variance);
  if (variance < min_variance) {
    std::fprintf(stderr, "png-stats: %s looks blank (variance %.1f < %.1f)\n", argv[1], variance, min_variance);
    return 1;
  }
  return 0;
}
