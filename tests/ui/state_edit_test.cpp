// Shape edits keep the dataset shaped like (I, label).
#include <doctest/doctest.h>

#include "app/state_edit.h"

TEST_CASE("resizing I or the output resizes every sample of the dataset; normalising fixes their labels") {
  bp::State s = bp::exercise_state();
  s.dataset = {{Eigen::Vector2d(1, 2), Eigen::Vector2d(0, 1)}, {Eigen::Vector2d(-3, 4), Eigen::Vector2d(1, 0)}};
  app::set_width(s, 0, 3);
  CHECK_FALSE(bp::validate(s));
  CHECK(s.dataset[1].input == Eigen::Vector3d(-3, 4, 1));  // kept, the new entry filled like I's
  app::set_width(s, s.layers(), 3);
  CHECK_FALSE(bp::validate(s));
  CHECK(s.dataset[0].label == Eigen::Vector3d(0, 1, 0));  // still one-hot on its class
  app::set_width(s, s.layers(), 1);
  CHECK(s.dataset[1].label == Eigen::VectorXd::Ones(1));
  app::set_width(s, s.layers(), 2);
  s.dataset[0].label = Eigen::Vector2d(-1, 3);
  app::normalise_label(s);
  CHECK(s.dataset[0].label == Eigen::Vector2d(0, 1));
  CHECK_FALSE(bp::validate(s));
}
