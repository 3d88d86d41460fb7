// FrameStats: a ring buffer; the median copies it (240 doubles, once per frame at most).
#include "app/frame_stats.h"

#include <algorithm>
#include <cmath>

namespace app {

void FrameStats::add(double ms) {
  ms_[next_] = ms;
  next_ = (next_ + 1) % kCapacity;
  count_ = std::min(count_ + 1, kCapacity);
}

double FrameStats::last() const { return count_ ? ms_[(next_ + kCapacity - 1) % kCapacity] : 0.0; }

double FrameStats::median() const {
  if (count_ == 0) return 0.0;
  std::array<double, kCapacity> sorted = ms_;
  const auto end = sorted.begin() + count_;  // before wrapping, only the first count_ are set
  std::nth_element(sorted.begin(), sorted.begin() + count_ / 2, end);
  return sorted[count_ / 2];
}

double ShownFigure::update(double value, double now, double period) {
  if (shown_ == 0 || now - at_ >= period || now < at_ || std::abs(value - shown_) > 0.25 * shown_) shown_ = value, at_ = now;
  return shown_;
}

double FrameStats::max() const {
  return count_ ? *std::max_element(ms_.begin(), ms_.begin() + count_) : 0.0;
}

}  // namespace app
