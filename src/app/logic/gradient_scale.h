// How strongly gradient flows along each edge, on a log scale, for the canvas to turn into colour
// and thickness: the exercise's gradients are ~1e-19 and must still be visible, so magnitudes are
// placed between the smallest and the largest non-zero one in the graph, not against 1.
#pragma once
#include <vector>

#include "app/logic/graph_snapshot.h"

namespace app::logic {

struct EdgeMagnitude {
  bool carries = false;  ///< gradient flows along this edge at all (see GraphSnapshot::carries_gradient)
  double max_abs = 0;    ///< the largest |entry| of the gradient it carries (its share, for fan-out)
  bool zero = true;      ///< nothing (or only zeros) flows: draw it as "no gradient", not as faint
  double t = 0;          ///< log10 position in [0, 1]: 0 = smallest non-zero in the graph, 1 = largest
};

/// One entry per snapshot edge (same index). When every non-zero magnitude is the same, t = 1.
std::vector<EdgeMagnitude> edge_gradient_magnitudes(const GraphSnapshot& g);

}  // namespace app::logic
