// The Train tab on the headless UI: Step with the mouse is exactly W ← W − η·∇W l, its formula is
// drawn whole with every parameter, Train / Pause leaves a curve ending in the current loss,
// Rewind is exact and undoable, and the tab reads well at a phone's and a laptop's size.
#include <cmath>
#include <cstring>
#include <string>

#include "engine/training.h"
#include "probe_checks.h"
#include "ui_harness.h"

using ui_test::Ui;

namespace {

void open_train(Ui& ui) {
  ui.frames(2);
  const auto tab = ui.app->probe.find(ui.app->narrow ? "screen:Train" : "tab:Train");
  REQUIRE_MESSAGE(tab, "the Train tab is drawn");
  ui.click(ImVec2(tab->x + tab->w / 2, tab->y + tab->h / 2));
  ui.frames(2);
  REQUIRE(ui.app->right_tab == app::Screen::Train);
}

bool bits_equal(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (std::memcmp(&a.data()[i], &b.data()[i], sizeof(double)) != 0) return false;
  return true;
}

std::string drawn_in_train(const Ui& ui) {
  std::string all;
  for (const auto& t : ui.texts())
    if (t.widget == "Train") all += t.text + "\n";
  return all;
}

}  // namespace

TEST_CASE("Train tab: Step with the mouse is W ← W − η·∇W l, exactly, and its formula shows every parameter") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
  open_train(ui);
  const bp::State before = ui.app->model.state;
  const bp::BatchGradient g = bp::batch_gradient(before, false);
  REQUIRE(g.grads.size() == 2);
  CHECK(g.loss == doctest::Approx(ui.app->model.report->loss).epsilon(1e-15));
  ui.click(ui.centre_of("button:Step"));
  ui.frames(2);
  const double lr = ui.app->training.settings.lr;
  CHECK(bits_equal(ui.app->model.state.weights[0], before.weights[0] - lr * g.grads[0]));
  CHECK(bits_equal(ui.app->model.state.weights[1], before.weights[1] - lr * g.grads[1]));
  CHECK(bits_equal(ui.app->model.state.input, before.input));  // I is not trained unless asked
  CHECK(ui.app->training.losses.size() == 2);
  CHECK(ui.app->training.losses.front() == g.loss);
  CHECK(ui.app->training.losses.back() == bp::batch_gradient(ui.app->model.state).loss);
  // the formula: each parameter's update with its numbers, drawn whole
  const std::string drawn = drawn_in_train(ui);
  CHECK_MESSAGE(drawn.find("W0 ← W0 − η·∇W0 ℓ") != std::string::npos, drawn);
  CHECK_MESSAGE(drawn.find("W1 ← W1 − η·∇W1 ℓ") != std::string::npos, drawn);
  CHECK_MESSAGE(drawn.find("step 1 · ℓ = ") != std::string::npos, drawn);
  // on the exercise the update is below the weights' resolution, and the tab says so
  CHECK(drawn.find("No weight changed") != std::string::npos);
  for (const auto& p : probe_checks::overlaps(ui.texts())) FAIL_CHECK(p);
  for (const auto& p : probe_checks::cut_horizontally(ui.texts())) FAIL_CHECK(p);
  for (const auto& p : probe_checks::raw_tex(ui.texts())) FAIL_CHECK(p);
  // the changed cells are outlined on the graph
  CHECK(ui.app->graph.updated.count("W1") == 1);
  CHECK(ui.app->graph.updated.at("W1").size() == 4);
  ui_test::check_no_asserts();
}

TEST_CASE("Train tab: Step on a network that moves, with biases: every parameter by exactly −η·∇, the weights outlined") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(1280, 2400);  // tall: every parameter's update in view at once
  bp::State s = bp::random_state(11, 3, 4);
  s.biases[0] = Eigen::VectorXd::Constant(4, 0.25);
  s.biases[2] = Eigen::VectorXd::Constant(2, -0.5);
  ui.app->model.replace(s);
  open_train(ui);
  const bp::BatchGradient g = bp::batch_gradient(s, false);
  const auto params = bp::trained_parameters(s, false);
  REQUIRE(params.size() == 5);  // W0, b0, W1, W2, b2
  ui.click(ui.centre_of("button:Step"));
  ui.frames(1);
  const double lr = ui.app->training.settings.lr;
  bool moved = false;
  for (size_t i = 0; i < params.size(); ++i) {
    const Eigen::MatrixXd was = bp::parameter_value(s, params[i]);
    const Eigen::MatrixXd now = bp::parameter_value(ui.app->model.state, params[i]);
    CHECK_MESSAGE(bits_equal(now, was - lr * g.grads[i]), params[i].name);
    moved = moved || (now.array() != was.array()).any();
    CHECK(ui.app->graph.updated.count(params[i].name) == 1);
  }
  CHECK(moved);
  const std::string drawn = drawn_in_train(ui);
  for (const char* rule : {"W0 ← W0 − η·∇W0 ℓ", "b0 ← b0 − η·∇b0 ℓ", "W1 ← W1 − η·∇W1 ℓ", "W2 ← W2 − η·∇W2 ℓ", "b2 ← b2 − η·∇b2 ℓ"})
    CHECK_MESSAGE(drawn.find(rule) != std::string::npos, rule);
  CHECK(drawn.find("No weight changed") == std::string::npos);
  for (const auto& p : probe_checks::overlaps(ui.texts())) FAIL_CHECK(p);
  for (const auto& p : probe_checks::cut_horizontally(ui.texts())) FAIL_CHECK(p);
  ui_test::check_no_asserts();
}

TEST_CASE("Train tab: Train then Pause leaves a loss curve ending in the current loss; Rewind is exact and undoable") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(1280, 1400);  // the loss curve in view
  open_train(ui);
  ui.app->model.replace(bp::random_state(3, 2, 3));  // not saturated: the weights move
  ui.frames(1);
  const bp::State start = ui.app->model.state;
  ui.click(ui.centre_of("button:▶ Train"));
  CHECK(ui.app->training.running);
  for (int i = 0; i < 60; ++i) ui.frame(1.0 / 60);  // a second at 20 steps per second
  ui.click(ui.centre_of("button:Pause"));
  CHECK_FALSE(ui.app->training.running);
  const app::Training& t = ui.app->training;
  CHECK(t.losses.size() >= 15);
  CHECK(t.losses.size() <= 30);
  ui.app->model.settle();
  CHECK(t.losses.back() == ui.app->model.report->loss);  // one sample: the curve's last point is the result's loss
  for (double l : t.losses) CHECK(std::isfinite(l));
  CHECK_FALSE(bp::identical(ui.app->model.state, start));
  const bp::State trained = ui.app->model.state;

  // the step under the pointer is readable
  const auto curve = ui.app->probe.find("train:loss-curve");
  REQUIRE(curve);
  ui.mouse(ImVec2(curve->x + curve->w - 10, curve->y + curve->h / 2), false);
  ui.frames(2);
  bool readout = false;
  for (const auto& text : ui.texts()) readout = readout || text.text.rfind("step ", 0) == 0 && text.text.find(": ℓ = ") != std::string::npos;
  CHECK(readout);

  ui.click(ui.centre_of("button:Rewind"));
  ui.frames(2);
  CHECK(bp::identical(ui.app->model.state, start));
  CHECK(ui.app->training.losses.size() == 1);
  // Ctrl+Z brings the trained weights back: the whole run was one undo step
  ui.app->history.undo(*ui.app);
  ui.frames(2);
  CHECK(bp::identical(ui.app->model.state, trained));
  ui.app->history.undo(*ui.app);
  ui.frames(2);
  CHECK(bp::identical(ui.app->model.state, start));
  ui_test::check_no_asserts();
}

TEST_CASE("Train tab: an edit between steps starts a new run from the edited state; every optimizer steps") {
  Ui ui;
  open_train(ui);
  for (bp::OptimizerKind kind : {bp::OptimizerKind::Sgd, bp::OptimizerKind::Momentum, bp::OptimizerKind::Adam}) {
    ui.app->training.settings.kind = kind;
    app::settings_changed(ui.app->training);
    ui.frames(1);  // the settings' rows moved the Step button
    ui.click(ui.centre_of("button:Step"));
    ui.frames(1);
    const std::string drawn = drawn_in_train(ui);
    CHECK_MESSAGE(drawn.find(kind == bp::OptimizerKind::Sgd ? "η·∇W1 ℓ" : kind == bp::OptimizerKind::Momentum ? "η·v" : "η·u") !=
                      std::string::npos, drawn);
  }
  const long run = ui.app->training.run;
  ui.app->model.state.weights[1](0, 0) = 2.5;  // an edit from the Network panel
  ui.app->model.edited();
  ui.frames(1);
  ui.click(ui.centre_of("button:Step"));
  CHECK(ui.app->training.run == run + 1);
  CHECK(ui.app->training.losses.size() == 2);
  CHECK(ui.app->training.start->weights[1](0, 0) == 2.5);
  ui_test::check_no_asserts();
}

TEST_CASE("Train tab at 390×844 and 1920×1080: everything drawn whole, nothing overlapping") {
  for (ImVec2 size : {ImVec2(390, 844), ImVec2(1920, 1080), ImVec2(1280, 720)}) {
    Ui ui;
    ImGui::GetIO().DisplaySize = size;
    open_train(ui);
    ui.click(ui.centre_of("button:Step"));
    ui.frames(2);
    CAPTURE(size.x);
    for (const auto& p : probe_checks::overlaps(ui.texts())) FAIL_CHECK(p);
    for (const auto& p : probe_checks::cut_horizontally(ui.texts())) FAIL_CHECK(p);
    CHECK(ui.app->probe.find("button:Rewind"));
    ui_test::check_no_asserts();
  }
}

TEST_CASE("Train tab: Load dataset trains on the mean over its samples; the arrows set (I, label) to a sample") {
  Ui ui;
  ImGui::GetIO().DisplaySize = ImVec2(1280, 1400);
  bp::State s = bp::random_state(5, 2, 3);  // I has 3 entries: the preset makes it 2
  ui.app->model.replace(s);
  open_train(ui);
  ui.click(ui.centre_of("button:Load dataset"));
  ui.frames(1);
  const bp::State& now = ui.app->model.state;
  REQUIRE(now.dataset.size() == 40);  // two_blobs, the default preset
  CHECK(now.input.size() == 2);
  CHECK(bits_equal(now.input, now.dataset[0].input));
  CHECK_FALSE(ui.app->model.error);
  const std::string drawn = drawn_in_train(ui);
  CHECK(drawn.find("40 samples loaded; I now has 2 entries") != std::string::npos);
  CHECK_MESSAGE(drawn.find("sample 1 of 40") != std::string::npos, drawn);
  const bp::BatchGradient g = bp::batch_gradient(now);
  ui.click(ui.centre_of("button:Step"));
  ui.frames(1);
  CHECK(ui.app->training.losses.front() == g.loss);
  CHECK(ui.app->training.sample_losses.size() == 2);
  CHECK(ui.app->training.sample_losses.front().size() == 40);
  CHECK(ui.app->training.losses.back() < g.loss);  // a step down the mean loss
  const Eigen::VectorXd first = ui.app->model.state.input;
  const auto next = ui.app->probe.texts();
  (void)next;
  app::History& h = ui.app->history;
  const size_t steps = h.undo_steps();
  ui.app->training.sample = 0;
  // the → arrow: sample 2
  bool clicked = false;
  for (const auto& t : ui.texts())
    if (t.text == "sample 1 of 40") {
      // the arrows sit left of the line: the right one is just before it
      ui.click(ImVec2(t.x - ImGui::GetFrameHeight() / 2 - 4, t.y + t.h / 2));
      clicked = true;
      break;
    }
  REQUIRE(clicked);
  ui.frames(1);
  CHECK(ui.app->training.sample == 1);
  CHECK(bits_equal(ui.app->model.state.input, ui.app->model.state.dataset[1].input));
  CHECK_FALSE(bits_equal(ui.app->model.state.input, first));
  CHECK(h.undo_steps() == steps + 1);
  ui_test::check_no_asserts();
}

TEST_CASE("Train tab: one gradient per state serves the curve, the next step and the landscape; a stale one is never used") {
  Ui ui;
  open_train(ui);
  ui.app->model.replace(bp::random_state(3, 2, 3));
  ui.frames(1);
  ui.click(ui.centre_of("button:Step"));
  ui.frames(1);
  app::Training& t = ui.app->training;
  const bp::State& now = ui.app->model.state;
  const bp::BatchGradient* ahead = app::gradient_ahead(t, now);
  REQUIRE(ahead);  // the gradient at the state the step left
  const bp::BatchGradient exact = bp::batch_gradient(now, false);
  REQUIRE(ahead->grads.size() == exact.grads.size());
  for (size_t i = 0; i < exact.grads.size(); ++i) CHECK(bits_equal(ahead->grads[i], exact.grads[i]));
  CHECK(t.losses.back() == exact.loss);
  // the next step moves by exactly that gradient
  const bp::State before = now;
  ui.click(ui.centre_of("button:Step"));
  for (size_t k = 0; k < before.weights.size(); ++k)
    CHECK(bits_equal(ui.app->model.state.weights[k], before.weights[k] - t.settings.lr * exact.grads[k]));
  // an edit, or "train I too", makes it another state's: not used
  bp::State edited = ui.app->model.state;
  edited.weights[0](0, 0) += 1;
  CHECK_FALSE(app::gradient_ahead(t, edited));
  t.settings.train_input = true;
  CHECK_FALSE(app::gradient_ahead(t, ui.app->model.state));
  ui_test::check_no_asserts();
}

TEST_CASE("Train tab: while ▶ Train runs an 8 × 64 network, autodiff alone, said on the Results tab; Pause runs the chain and the finite differences") {
  Ui ui;
  open_train(ui);
  ui.app->model.replace(bp::random_state(3, 8, 64));
  ui.app->model.settle();
  REQUIRE(ui.app->model.report->manual_vs_autodiff.compared);
  ui.click(ui.centre_of("button:▶ Train"));
  for (int i = 0; i < 10; ++i) ui.frame(1.0 / 20);
  REQUIRE(ui.app->training.running);
  CHECK(ui.app->model.checks_deferred);
  CHECK(ui.app->model.report->manual_skip.reason == bp::ManualSkip::Reason::Off);
  CHECK(ui.app->model.report->jacobians.empty());
  ui.click(ui.centre_of("tab:Results"));
  ui.frames(2);
  std::string results;
  for (const auto& text : ui.texts()) results += text.text + " ";
  CHECK_MESSAGE(results.find("While ▶ Train runs, a network this big is checked by autodiff alone") != std::string::npos, results);
  CHECK(probe_checks::shows(ui.texts(), "✓ evaluated by autodiff (see Results)"));
  {  // its tooltip, hovered on a phone: drawn whole, inside the screen
    ImGui::GetIO().DisplaySize = ImVec2(390, 844);
    ui.frames(3);
    const auto status = ui.centre_of_text("✓ evaluated by autodiff (see Results)");
    ui.mouse(ImVec2(status.x - 40, status.y), false);
    ui.frames(30);
    CHECK(probe_checks::shows(ui.texts(), "The manual Jacobian chain and the finite differences were not compared"));
    for (const auto& p : probe_checks::cut_horizontally(ui.texts())) FAIL_CHECK(p);
    ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
    ui.mouse(ImVec2(1, 1), false);
    ui.frames(3);
  }
  CHECK_FALSE(probe_checks::shows(ui.texts(), "the three gradients agree"));  // only what was compared
  ui.click(ui.centre_of("tab:Train"));
  ui.frames(2);
  ui.click(ui.centre_of("button:Pause"));
  ui.frames(2);
  CHECK_FALSE(ui.app->model.checks_deferred);
  ui.app->model.settle();
  CHECK(ui.app->model.report->manual_vs_autodiff.compared);
  CHECK(ui.app->model.report->numeric_vs_autodiff.compared);
  CHECK_FALSE(ui.app->model.report->jacobians.empty());
  ui.frames(1);
  CHECK(probe_checks::shows(ui.texts(), "✓ evaluated: the three gradients agree"));
  // a small network keeps all three checks while training
  ui.app->model.replace(bp::random_state(3, 2, 3));
  ui.frames(1);
  ui.click(ui.centre_of("button:▶ Train"));
  for (int i = 0; i < 5; ++i) ui.frame(1.0 / 20);
  CHECK_FALSE(ui.app->model.checks_deferred);
  CHECK(ui.app->model.report->manual_vs_autodiff.compared);
  ui_test::check_no_asserts();
}

TEST_CASE("the status bar claims agreement only for what was compared: 8 × 256 skips the manual chain") {
  Ui ui;
  ui.app->model.replace(bp::random_state(1, bp::kMaxLayers, bp::kMaxWidth));
  ui.app->model.settle();
  REQUIRE(ui.app->model.report->manual_skip.reason == bp::ManualSkip::Reason::TooWide);
  ui.frames(2);
  CHECK(probe_checks::shows(ui.texts(), "✓ evaluated: numeric and autodiff agree"));
  CHECK_FALSE(probe_checks::shows(ui.texts(), "the three gradients agree"));
  ui_test::check_no_asserts();
}

TEST_CASE("Train tab: the empty loss curve says what it will show, whole and inside its box, on a phone and a laptop, in both languages") {
  for (const app::Lang lang : {app::Lang::En, app::Lang::Ko})
    for (const ImVec2 size : {ImVec2(390, 844), ImVec2(1280, 720), ImVec2(1920, 1080)}) {
      Ui ui;
      ui.app->presentation.lang = lang;
      ImGui::GetIO().DisplaySize = size;
      open_train(ui);
      const std::string what = std::string(lang == app::Lang::Ko ? "ko" : "en") + " at " +
                               std::to_string(int(size.x)) + "×" + std::to_string(int(size.y));
      const auto box = ui.app->probe.find("train:loss-curve");
      REQUIRE_MESSAGE(box, what);
      std::string said;  // the lines drawn inside the box, top to bottom, each seen whole
      for (const auto& t : ui.texts()) {
        if (t.x < box->x || t.x + t.w > box->x + box->w || t.y < box->y || t.y + t.h > box->y + box->h) continue;
        const probe_checks::Box seen = probe_checks::visible(t);
        CHECK_MESSAGE((seen.x0 == t.x && seen.x1 == t.x + t.w), what, ": ", probe_checks::describe(t), " is clipped");
        said += (said.empty() ? "" : " ") + t.text;
      }
      CHECK_MESSAGE(said == app::tr(app::S::train_curve_empty), what, ": the box says \"", said, "\"");
    }
  ui_test::check_no_asserts();
}
