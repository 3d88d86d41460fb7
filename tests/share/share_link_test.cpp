// Share links: state → link → state is exact, double for double, for every option and the edges
// of float64; answers and the view come back; a hostile link is an error in words, never a crash.
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "engine/state_json.h"
#include "share/link_codec.h"
#include "share/share_link.h"
#include "test_util.h"

namespace {

// a random network with every option drawn and its numbers from the edges of float64
bp::State edge_state(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> layers(1, 8), width(1, 12), pick(0, 9);
  bp::State s = bp::random_state(rng(), layers(rng), width(rng));
  s.activation = static_cast<bp::Activation>(rng() % 5);
  s.head = static_cast<bp::Head>(rng() % 2);
  s.loss_form = static_cast<bp::LossForm>(rng() % 2);
  s.softmax_backward = static_cast<bp::SoftmaxBackward>(rng() % 2);
  s.precision = static_cast<bp::Precision>(rng() % 2);
  const double edges[] = {0.1, 1e-300, -0.0, 5e-324, -5e-324, 3.4028234663852886e38, 2.5, -3, 1e22, 0.30000000000000004};
  std::uniform_real_distribution<double> any(-4, 4);
  const auto fill = [&](double& x) { x = pick(rng) < 5 ? edges[pick(rng)] : any(rng); };
  for (auto& w : s.weights)
    for (Eigen::Index i = 0; i < w.size(); ++i) fill(w.data()[i]);
  for (size_t k = 0; k < s.biases.size(); ++k) {
    if (rng() % 2) s.biases[k] = Eigen::VectorXd::Zero(s.weights[k].rows());
    if (s.biases[k])
      for (Eigen::Index i = 0; i < s.biases[k]->size(); ++i) fill((*s.biases[k])(i));
  }
  for (Eigen::Index i = 0; i < s.input.size(); ++i) fill(s.input(i));
  return s;
}

bool same_bits(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0;
}

std::string link_error(std::string_view link) {
  const auto read = bp::read_link(link);
  return read ? "" : read.error().line();
}

}  // namespace

TEST_CASE("link: the exercise's link is short and opens as the exercise") {
  const auto url = bp::share_link({bp::exercise_state(), {}, "", {}}, bp::kDefaultLinkBase);
  REQUIRE(url.ok());
  CHECK(url.value().rfind("http://localhost:8000/#1.", 0) == 0);
  CHECK(url.value().size() < 100);  // a tweet holds 280
  const auto back = bp::read_link(url.value());
  REQUIRE(back.ok());
  CHECK(bp::state_to_json(back.value().state) == bp::state_to_json(bp::exercise_state()));
  CHECK(back.value().answers.empty());
  CHECK(back.value().view == bp::LinkView{});
}

TEST_CASE("link: 300 random states with edge values come back double for double") {
  std::mt19937_64 rng(20261202);
  for (int n = 0; n < 300; ++n) {
    const bp::State s = edge_state(rng);
    const auto url = bp::share_link({s, {}, "", {}}, "https://example.org/lab/?lang=en#old");
    REQUIRE(url.ok());
    CHECK(url.value().rfind("https://example.org/lab/?lang=en#1.", 0) == 0);  // the old fragment is gone
    const auto back = bp::read_link(url.value());
    REQUIRE_MESSAGE(back.ok(), back.error().line());
    const bp::State& r = back.value().state;
    CHECK(bp::state_to_json(r) == bp::state_to_json(s));
    REQUIRE(r.layers() == s.layers());
    CHECK(same_bits(r.input, s.input));  // −0.0 stays −0.0, 5e-324 stays 5e-324
    for (int k = 0; k < s.layers(); ++k) {
      CHECK(same_bits(r.weights[k], s.weights[k]));
      CHECK(r.biases[k].has_value() == s.biases[k].has_value());
      if (s.biases[k]) CHECK(same_bits(*r.biases[k], *s.biases[k]));
    }
  }
}

TEST_CASE("link: answers, the student and the view come back; defaults are left out") {
  bp::LinkContent c{bp::exercise_state(),
                    {{"grad:W1", "tensor([[ 7.7811e-20,  5.0577e-19],\n [-7.7811e-20, -5.0577e-19]])"},
                     {"h", "[2, 13]"}, {"J:l/s", ""}, {"l", "\"quoted\" \\ ✓ 손실"}},
                    "20240001",
                    {3, "", "s", "O", "inspector"}};
  const auto url = bp::share_link(c, "x");
  REQUIRE(url.ok());
  const auto back = bp::read_link(url.value());
  REQUIRE(back.ok());
  REQUIRE(back.value().answers.size() == 3);  // the empty cell is not carried
  CHECK(back.value().answers[0] == c.answers[0]);
  CHECK(back.value().answers[2] == c.answers[3]);
  CHECK(back.value().student == "20240001");
  CHECK(back.value().view == c.view);
  c.view = {std::nullopt, "W0", "", "", ""};
  CHECK(bp::read_link(bp::share_link(c, "x").value()).value().view.node == "W0");
  CHECK(bp::link_document({bp::exercise_state(), {}, "", {}}) ==
        R"({"state":{"input":[4,1],"label":[0,1],"W0":[[1,-2],[2,5]],"W1":[[3,-3],[-1,1]]}})");
}

TEST_CASE("link: a network too big for a URL is refused with what to do instead") {
  bp::State big = bp::random_state(7, 8, 256);
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> any(-1, 1);  // 17 digits each: 9 bytes in a link
  for (auto& w : big.weights)
    for (Eigen::Index i = 0; i < w.size(); ++i) w.data()[i] = any(rng);
  const auto url = bp::share_link({big, {}, "", {}}, bp::kDefaultLinkBase);
  REQUIRE_FALSE(url.ok());
  CHECK(url.error().line().find("more than the 2000000 a browser keeps in a URL; share it as a file") != std::string::npos);
  // 8 × 64 fits
  CHECK(bp::share_link({bp::random_state(7, 8, 64), {}, "", {}}, bp::kDefaultLinkBase).ok());
}

TEST_CASE("link: broken, cut and hostile links are errors in words") {
  const std::string good = bp::share_link({bp::random_state(3, 3, 5), {{"h", "[1, 2]"}}, "", {2, "W0", "", "", ""}}, "").value();
  // every cut of a good link: an error or (at a value's end) a valid document, never a crash
  for (size_t n = 0; n < good.size(); ++n) {
    const auto read = bp::read_link(good.substr(0, n));
    if (!read) CHECK(read.error().line().rfind("error: link", 0) == 0);
  }
  CHECK(link_error("#hello") == "error: link: it is not a Backprop Lab link (a share link's part after # starts with \"1.\")");
  CHECK(link_error("#7.AAAA") == "error: link: it is of version 7; this app reads version 1 links (open it with the app that made it)");
  CHECK(link_error("#1.") == "error: link: it is empty after \"1.\"");
  CHECK(link_error("#1.BQ%3D").find("character 5 ('%') is not one a link uses") != std::string::npos);
  CHECK(link_error(good.substr(0, good.size() - 3)).find("cut") != std::string::npos);
  CHECK(link_error(good + "AAAA").find("too many") != std::string::npos);
  // a NaN where a weight belongs (tag 8: the raw double)
  std::string nan_doc("\x05\x01\x00\x05\x01\x05\x09\x01\x02", 9);  // {"state":{"input":[<raw>]
  const double nan = std::numeric_limits<double>::quiet_NaN();
  nan_doc.append(reinterpret_cast<const char*>(&nan), 8);
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string b64;
  unsigned acc = 0;
  int bits = 0;
  for (unsigned char ch : nan_doc) {
    acc = (acc << 8) | ch, bits += 8;
    while (bits >= 6) b64 += alphabet[(acc >> (bits -= 6)) & 63];
  }
  if (bits) b64 += alphabet[(acc << (6 - bits)) & 63];
  CHECK(link_error("#1." + b64).find("not finite (NaN or infinity)") != std::string::npos);
  // a megabyte of link characters, and counts far beyond the bytes there
  CHECK(link_error("#1." + std::string(1 << 20, 'A')).rfind("error: link", 0) == 0);
  CHECK(link_error("#1." + std::string(3'000'000, 'A')).find("more than the 2000000") != std::string::npos);
  CHECK(link_error("#1.BGQ") == "error: link: it cannot be read: it announces 100 entries but holds fewer (at byte 2 of 2); was it cut or changed?");
  CHECK(link_error("#1." + std::string(200, 'B')).rfind("error: link", 0) == 0);  // arrays nested 100 deep
  // a valid link whose state is invalid: the state reader's field, under link.state
  const auto bad_label = bp::encode_link(R"({"state": {"input": [1], "label": [0.5, 0.7], "W0": [[1], [2]]}})");
  CHECK(link_error("#" + bad_label.value()).find("error: link.state.label: sums to 1.2") == 0);
  CHECK(link_error("#" + bp::encode_link(R"({"stat": {}})").value()) == "error: link: unknown key \"stat\" (a link holds state, answers, student and view)");
  CHECK(link_error("#" + bp::encode_link(R"({"state": {"input": [1], "label": [1], "W0": [[1]]}, "view": {"step": -1}})").value())
            .find("link.view.step") != std::string::npos);
}

TEST_CASE("link: a dataset comes back sample for sample, double for double") {
  bp::State s = bp::exercise_state();
  for (int i = 0; i < 40; ++i)
    s.dataset.push_back({Eigen::Vector2d(0.1 * i - 2, i % 3 ? 1e-19 * i : -0.0), i % 2 ? Eigen::Vector2d(1, 0) : Eigen::Vector2d(0, 1)});
  const auto url = bp::share_link({s, {}, "", {}}, bp::kDefaultLinkBase);
  REQUIRE(url.ok());
  const auto back = bp::read_link(url.value());
  REQUIRE_MESSAGE(back.ok(), back.error().line());
  const bp::State& r = back.value().state;
  REQUIRE(r.dataset.size() == s.dataset.size());
  for (size_t i = 0; i < s.dataset.size(); ++i) {
    CHECK(same_bits(r.dataset[i].input, s.dataset[i].input));
    CHECK(same_bits(r.dataset[i].label, s.dataset[i].label));
  }
  CHECK(bp::state_to_json(r) == bp::state_to_json(s));
  // without a dataset, the link is what it was
  const auto plain = bp::share_link({bp::exercise_state(), {}, "", {}}, bp::kDefaultLinkBase);
  CHECK(plain.value().size() < url.value().size());
}
