// One exercise per student: the keyed hash, determinism, and diversity — 1,000 student IDs give
// pairwise distinct s, l and final gradients while every promise of make_variant still holds.
#include <algorithm>
#include <set>

#include "coursework/keyed_hash.h"
#include "coursework/student_variant.h"
#include "test_util.h"
#include "variant_options.h"

namespace {

// a value as exact text: two doubles are the same number iff their texts are equal
std::string exact(const Eigen::MatrixXd& m) {
  std::string out;
  char buf[40];
  for (Eigen::Index i = 0; i < m.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%.17g,", m(i));
    out += buf;
  }
  return out;
}

std::vector<std::string> class_ids() {
  std::vector<std::string> ids;
  for (int i = 0; i < 900; ++i) ids.push_back(std::to_string(2024000000 + 37 * i));  // numeric, sparse
  for (int i = 0; i < 100; ++i) ids.push_back("s" + std::to_string(i) + "@uni.example");  // any text
  return ids;
}

const Eigen::MatrixXd& autodiff_of(const bp::Report& r, const std::string& name) {
  for (const bp::NamedMatrix& m : r.autodiff)
    if (m.name == name) return m.value;
  FAIL("no gradient of " << name);
  return r.autodiff.front().value;
}

}  // namespace

TEST_CASE("siphash24: the reference test vectors (key 00…0f, message 00…n−1)") {
  const bp::HashKey key{0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull};
  std::string message;
  CHECK(bp::siphash24(key, message) == 0x726fdb47dd0e0e31ull);
  message.push_back('\0');
  CHECK(bp::siphash24(key, message) == 0x74f839c593dc67fdull);
  message.clear();
  for (int i = 0; i < 15; ++i) message.push_back(static_cast<char>(i));
  CHECK(bp::siphash24(key, message) == 0xa129ca6149be45e5ull);
}

TEST_CASE("student variant: the committed sample, byte for byte (native and wasm)") {
  int students = 0;
  for (const auto& c : test::load_fixture("variants.json")) {
    if (!c.contains("student")) continue;
    ++students;
    CAPTURE(c["student"].get<std::string>());
    const auto s = bp::make_student_variant(c["student"], c["course"], test::options_from(c["options"]));
    REQUIRE(s.ok());
    CHECK(bp::state_to_json(s.value()) == c["json"].get<std::string>());
  }
  CHECK(students >= 6);
}

TEST_CASE("student variant: deterministic, keyed by the course, different per student") {
  const auto a = bp::make_student_variant("20240001", "physics-2024");
  REQUIRE(a.ok());
  CHECK(bp::state_to_json(a.value()) == bp::state_to_json(bp::make_student_variant("20240001", "physics-2024").value()));
  CHECK(bp::state_to_json(a.value()) != bp::state_to_json(bp::make_student_variant("20240001", "physics-2025").value()));
  CHECK(bp::state_to_json(a.value()) != bp::state_to_json(bp::make_student_variant("20240002", "physics-2024").value()));
  CHECK(bp::state_to_json(a.value()) != bp::state_to_json(bp::make_student_variant("20240001", "").value()));
}

TEST_CASE("student variant: 1,000 IDs, pairwise distinct s, l and final gradients; the promises hold") {
  for (const bp::VariantOptions& o : {bp::VariantOptions{}, bp::VariantOptions{true, 2, 2, false}}) {
    std::set<std::string> s_seen, l_seen, w1_seen, w0_seen, input_seen, beta_seen;
    const std::vector<std::string> ids = class_ids();
    for (const std::string& id : ids) {
      CAPTURE(id);
      const auto made = bp::make_student_variant(id, "course key", o);
      REQUIRE(made.ok());
      const bp::State& st = made.value();
      REQUIRE_FALSE(bp::validate(st).has_value());
      for (const Eigen::MatrixXd& W : st.weights) {
        for (Eigen::Index i = 0; i < W.size(); ++i) CHECK((W(i) == std::floor(W(i)) && std::abs(W(i)) <= 3 && W(i) != 0));
        if (W.rows() == W.cols()) CHECK_FALSE(W.isApprox(W.transpose()));
      }
      for (Eigen::Index i = 0; i < st.input.size(); ++i) CHECK((st.input(i) == std::floor(st.input(i)) && st.input(i) != 0));
      const Eigen::VectorXd& b = *st.biases.back();
      CHECK(b(1) == 0);
      CHECK(b(0) > 0);
      CHECK(b(0) < 0.5);
      CHECK(b(0) == std::round(b(0) * 1e7) / 1e7);  // seven decimals
      beta_seen.insert(exact(b));

      const bp::Report r = bp::evaluate(st);
      const Eigen::MatrixXd& h = r.find_forward("h")->value;
      int dead = 0;
      for (Eigen::Index i = 0; i < h.size(); ++i) {
        CHECK((h(i) == std::floor(h(i)) && std::abs(h(i)) >= 1 && std::abs(h(i)) <= 12));
        dead += h(i) < 0;
      }
      CHECK(dead == (o.dead_relu ? 1 : 0));
      const Eigen::MatrixXd& O = r.find_forward("O")->value;
      const double gap = std::abs(O(0) - O(1));
      CHECK(gap > 0.5);
      CHECK(gap < 3.5);
      CHECK(r.find_forward("s")->value.minCoeff() > 0.02);  // far from saturated
      CHECK(r.manual_vs_autodiff.ok);
      s_seen.insert(exact(r.find_forward("s")->value));
      l_seen.insert(exact(r.find_forward("l")->value));
      w1_seen.insert(exact(autodiff_of(r, "W1")));
      w0_seen.insert(exact(autodiff_of(r, "W0")));
      input_seen.insert(exact(autodiff_of(r, "input")));
    }
    CHECK(beta_seen.size() == ids.size());
    CHECK(s_seen.size() == ids.size());
    CHECK(l_seen.size() == ids.size());
    CHECK(w1_seen.size() == ids.size());
    CHECK(w0_seen.size() == ids.size());
    CHECK(input_seen.size() == ids.size());
  }
}

TEST_CASE("student variant: numeric IDs of one window never share β, whatever the key") {
  for (const std::string key : {"", "k1", "another course"}) {
    std::set<double> betas;
    for (long long id = 100; id < 5100; ++id)
      betas.insert(*bp::make_student_variant(std::to_string(id), key).value().biases.back()->data());
    CHECK(betas.size() == 5000);
  }
}

TEST_CASE("student variant: bad IDs are errors naming the student field") {
  auto error_of = [](const std::string& id) {
    const auto s = bp::make_student_variant(id, "");
    return s.ok() ? std::string() : s.error().line();
  };
  CHECK(error_of("").rfind("error: student: is empty", 0) == 0);
  CHECK(error_of(std::string(65, 'x')).rfind("error: student: has 65 characters", 0) == 0);
  CHECK(error_of("a\nb").rfind("error: student: contains a control character", 0) == 0);
  CHECK(error_of(" 12").rfind("error: student: starts or ends with a space", 0) == 0);
  CHECK(error_of("Kim Min-jun 2024").empty());
  CHECK(bp::make_student_variant("1", "", {true, 1, 2, false}).error().line().rfind("error: dead_relu:", 0) == 0);
}
