// The app's own CPU time per frame (UI build + any engine work, not the GPU or the wait for
// vsync), kept for the last frames: shown in the status bar, read by the benchmark.
#pragma once
#include <array>

namespace app {

/// A figure as the UI shows it: taken again after `period` seconds (`now`, in seconds) or at once
/// when it moved by more than a quarter: a figure that changes every frame cannot be read, and a
/// page would be drawn again for each flicker of its last digit.
class ShownFigure {
 public:
  double update(double value, double now, double period = 1.0);

 private:
  double shown_ = 0, at_ = 0;
};

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
  /// The median as the status bar shows it (ShownFigure: the first frames' slow start, a big
  /// network, show at once).
  double shown_median(double now, double period = 1.0) { return shown_.update(median(), now, period); }

 private:
  std::array<double, kCapacity> ms_{};
  int next_ = 0, count_ = 0;
  ShownFigure shown_;
};

}  // namespace app
