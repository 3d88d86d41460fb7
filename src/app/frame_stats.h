// The app's own CPU time per frame (UI build + any engine work, not the GPU or the wait for
// vsync), kept for the last frames: shown in the status bar, read by the benchmark.
#pragma once
#include <array>

namespace app {

class FrameStats {
 public:
  static constexpr int kCapacity = 240;  ///< about 4 s at 60 fps

  void add(double ms);
  int count() const { return count_; }
  double last() const;
  /// Median of the kept frames; 0 before the first.
  double median() const;
  /// The longest of the kept frames (the app's ceiling is ~50 ms); 0 before the first.
  double max() const;
  /// The median as the status bar shows it, taken again after `period` seconds (`now`, in
  /// seconds) or at once when it moved by more than a quarter (the first frames' slow start, a
  /// big network): a figure that changes every frame cannot be read, and a page at rest would be
  /// drawn again for each flicker of its last digit.
  double shown_median(double now, double period = 1.0);

 private:
  std::array<double, kCapacity> ms_{};
  int next_ = 0, count_ = 0;
  double shown_ = 0, shown_at_ = 0;
};

}  // namespace app
