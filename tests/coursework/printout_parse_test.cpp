// Pasted answers: every printout form students have, and malformed text with a clear position.
#include <cstdint>

#include "coursework/printout_parse.h"
#include "test_util.h"

namespace {

bp::ParsedAnswer parse_ok(const std::string& text) {
  auto r = bp::parse_printout(text);
  REQUIRE_MESSAGE(r.ok(), text << " → " << (r.ok() ? "" : r.error().reason));
  return r.value();
}

std::string error_of(const std::string& text) {
  auto r = bp::parse_printout(text);
  return r.ok() ? "" : r.error().reason;
}

Eigen::MatrixXd m(std::initializer_list<std::initializer_list<double>> rows) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(rows.begin()->size()));
  Eigen::Index i = 0;
  for (const auto& r : rows) {
    Eigen::Index j = 0;
    for (double v : r) out(i, j++) = v;
    ++i;
  }
  return out;
}

const Eigen::MatrixXd kNotebookGrad = m({{7.7811e-20, 5.0577e-19}, {-7.7811e-20, -5.0577e-19}});

}  // namespace

TEST_CASE("PyTorch printouts: multi-line, with grad_fn, requires_grad, dtype, device") {
  for (const std::string text : {
           "tensor([[ 7.7811e-20,  5.0577e-19],\n        [-7.7811e-20, -5.0577e-19]])",
           "tensor([[ 7.7811e-20,  5.0577e-19], [-7.7811e-20, -5.0577e-19]])",
           "tensor([[ 7.7811e-20,  5.0577e-19],\n        [-7.7811e-20, -5.0577e-19]], grad_fn=<MmBackward0>)",
           "tensor([[ 7.7811e-20,  5.0577e-19],\n        [-7.7811e-20, -5.0577e-19]], requires_grad=True)",
           "tensor([[ 7.7811e-20,  5.0577e-19], [-7.7811e-20, -5.0577e-19]], dtype=torch.float64, "
           "device='cuda:0', grad_fn=<TBackward0>)",
           "Parameter containing:\ntensor([[ 7.7811e-20,  5.0577e-19],\n        [-7.7811e-20, -5.0577e-19]], "
           "requires_grad=True)",
           "Out[100]: tensor([[ 7.7811e-20,  5.0577e-19],\n        [-7.7811e-20, -5.0577e-19]])",
           "torch.tensor([[7.7811e-20, 5.0577e-19], [-7.7811e-20, -5.0577e-19]])",
       }) {
    CAPTURE(text);
    const bp::ParsedAnswer a = parse_ok(text);
    CHECK(a.dims == bp::Dims::Matrix);
    CHECK(a.value == kNotebookGrad);
  }
  const bp::ParsedAnswer v = parse_ok("tensor([ 2., 13.], grad_fn=<MvBackward0>)");
  CHECK(v.dims == bp::Dims::Vector);
  CHECK(v.value == Eigen::Vector2d(2, 13));
  const bp::ParsedAnswer s = parse_ok("tensor(7.7811e-20, grad_fn=<SumBackward0>)");
  CHECK(s.dims == bp::Dims::Scalar);
  CHECK(s.value(0) == 7.7811e-20);
  // the notebook's loss, [1,2]-shaped, and s.unsqueeze(0)'s leading singleton dimensions
  CHECK(parse_ok("tensor([[0., 0.]], grad_fn=<SumBackward1>)").value == m({{0, 0}}));
  const bp::ParsedAnswer s3 = parse_ok("tensor([[[7.7811e-20, 1.0000e+00]]])");
  CHECK(s3.dims == bp::Dims::Matrix);
  CHECK(s3.value == m({{7.7811e-20, 1}}));
}

TEST_CASE("NumPy printouts: array(…), space-separated rows without commas, dtype") {
  CHECK(parse_ok("array([[1., 0.],\n       [0., 1.]])").value == m({{1, 0}, {0, 1}}));
  CHECK(parse_ok("[[1. 0.] [0. 1.]]").value == m({{1, 0}, {0, 1}}));
  CHECK(parse_ok("[[1. 0.]\n [0. 1.]]").value == m({{1, 0}, {0, 1}}));
  const bp::ParsedAnswer f = parse_ok("array([1., 2.], dtype=float32)");
  CHECK(f.dims == bp::Dims::Vector);
  CHECK(f.value == Eigen::Vector2d(1, 2));
  CHECK(parse_ok("[7.78113224e-20 1.00000000e+00]").value == Eigen::Vector2d(7.78113224e-20, 1));
  CHECK(parse_ok("array([[ 1.55622645e-19,  1.01154719e-18],\n       [-1.55622645e-19, -1.01154719e-18]])").value ==
        m({{1.55622645e-19, 1.01154719e-18}, {-1.55622645e-19, -1.01154719e-18}}));
  CHECK(parse_ok("np.array([[3, -3], [-1, 1]])").value == m({{3, -3}, {-1, 1}}));
  CHECK(parse_ok("matrix([[1, 2],\n        [3, 4]])").value == m({{1, 2}, {3, 4}}));
}

TEST_CASE("nested lists, plain numbers and rows without brackets") {
  CHECK(parse_ok("[[1, -2], [2, 5]]").value == m({{1, -2}, {2, 5}}));
  CHECK(parse_ok("[[1, -2], [2, 5],]").value == m({{1, -2}, {2, 5}}));  // Python's trailing comma
  CHECK(parse_ok("[4, 1]").dims == bp::Dims::Vector);
  const bp::ParsedAnswer one = parse_ok("  -7.5e-3 ");
  CHECK(one.dims == bp::Dims::Scalar);
  CHECK(one.value(0) == -7.5e-3);
  CHECK(parse_ok(".5").value(0) == 0.5);
  CHECK(parse_ok("5.").value(0) == 5);
  CHECK(parse_ok("+3").value(0) == 3);
  CHECK(parse_ok("1 0\n0 1").value == m({{1, 0}, {0, 1}}));
  CHECK(parse_ok("1, 0\r\n0, 1\r\n").value == m({{1, 0}, {0, 1}}));
  CHECK(parse_ok("1 2; 3 4").value == m({{1, 2}, {3, 4}}));
  const bp::ParsedAnswer row = parse_ok("1, 2, 3");
  CHECK(row.dims == bp::Dims::Vector);
  CHECK(row.value.size() == 3);
  const bp::ParsedAnswer column = parse_ok("3\n4");
  CHECK(column.dims == bp::Dims::Matrix);
  CHECK(column.value == m({{3}, {4}}));
  CHECK(parse_ok("[\xE2\x88\x92" "2, 3\xC2\xA0]").value == Eigen::Vector2d(-2, 3));  // "−" (U+2212), no-break space
  CHECK(parse_ok("1e-320").value(0) > 0);  // subnormal, not an error
  CHECK(bp::describe_shape(parse_ok("[[1, 2, 3]]")) == "a 1×3 matrix");
  CHECK(bp::describe_shape(parse_ok("[1, 2, 3]")) == "a vector of 3 entries");
}

TEST_CASE("malformed text: what was found, where, and what was expected") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"tensor([[1., 2.], [3. x]])", "unexpected \"x\" at column 23; expected a number, \",\" or \"]\""},
      {"[[1, 2], [3, x]]", "unexpected \"x\" at column 14; expected a number, \"[\" or \"]\""},
      {"[1, 2x]", "unexpected \"x\" at column 6; expected \",\" or \"]\""},
      {"tensor([[1., 2.],\n        [3., y]])", "unexpected \"y\" at line 2, column 14; expected a number, \"[\" or \"]\""},
      {"[[1, 2], [3, 4]", "unexpected end of text; expected \"]\" to close the \"[\" at column 1"},
      {"tensor([1., 2.]", "unexpected end of text; expected \")\" to close the \"tensor(\" at column 7"},
      {"[[1, 2], [3]]", "the row at column 10 has 1 entry but the first row has 2"},
      {"1 2\n3", "the row at line 2, column 1 has 1 number but the first row has 2"},
      {"[1, [2]]", "a list at column 5 inside a row of numbers"},
      {"[[1], 2]", "a number at column 7 where a row [ … ] was expected"},
      {"[1,, 2]", "unexpected \",\" at column 4; expected a number, \"[\" or \"]\""},
      {"[]", "empty brackets \"[]\" at column 1"},
      {"", "is empty"},
      {"   \n ", "is empty"},
      {"tensor([nan, 1.])", "\"nan\" at column 9 is not a finite number"},
      {"[-inf, 1]", "\"-inf\" at column 2 is not a finite number"},
      {"inf", "\"inf\" at column 1 is not a finite number"},
      {"[1e400]", "the number 1e400 at column 2 is too large"},
      {"[1e+]", "unexpected \"]\" at column 5; expected the digits of an exponent"},
      {"[-]", "unexpected \"]\" at column 3; expected the digits of a number"},
      {"tensor([1., 2., ..., 9.])", "the printout is abbreviated (\"...\" at column 17)"},
      {"tensr([1.])", "unexpected \"tensr\" at column 1; expected a number, \"[\", \"tensor(\" or \"array(\""},
      {"tensor [1.]", "unexpected \"[\" at column 8; expected \"(\" after tensor"},
      {"tensor([1.], grad_fn=<MvBackward0)", "unexpected end of text; expected \">\" to close the \"<\" at column 22"},
      {"tensor([1.]) extra", "unexpected \"extra\" at column 14; expected the end of the text"},
      {"[1, 2]]", "unexpected \"]\" at column 7; expected the end of the text"},
      {"[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]", "a 3-D array (2×2×2) is not a vector or a matrix"},
      {"[1, 2] [3]", "unexpected \"[\" at column 8; expected the end of the text"},
      {"1 2 x", "unexpected \"x\" at column 5; expected a number, \",\" or a line break"},
      {"[1, \xC3\xA9]", "unexpected \"\xC3\xA9\" at column 5"},     // a whole UTF-8 character, counted as one column
      {"[1, \xFF]", "unexpected byte 0xFF (not UTF-8 text) at column 5"},
      {std::string("[1, \0]", 6), "unexpected control character 0x00 at column 5"},
      {std::string(100000, '['), "brackets nested deeper than 32 levels at column 33"},
  };
  for (const auto& item : cases) {
    const std::string& text = item.first;
    const std::string& expected = item.second;
    CAPTURE(text.substr(0, 80));
    const std::string got = error_of(text);
    CHECK_MESSAGE(got.rfind(expected, 0) == 0, "got: " << got);
  }
}

TEST_CASE("fuzz: random text never crashes, and whatever parses is finite and rectangular") {
  uint64_t x = 12345;  // splitmix64, the same strings everywhere
  auto next = [&x] {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  const std::string alphabet = "[](),.;:<>=-+eE0123456789 \n\t'\"_xtensorayinfdpg";
  const std::vector<std::string> seeds = {
      "tensor([[ 7.7811e-20,  5.0577e-19],\n        [-7.7811e-20, -5.0577e-19]], grad_fn=<MmBackward0>)",
      "array([[1., 0.], [0., 1.]], dtype=float32)", "[[1. 0.] [0. 1.]]", "1 0\n0 1", "Parameter containing:\ntensor(3.)"};
  int parsed = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    std::string text;
    if (trial % 2) {  // a mutated printout
      text = seeds[next() % seeds.size()];
      for (int k = 0, edits = 1 + static_cast<int>(next() % 4); k < edits && !text.empty(); ++k) {
        const size_t at = next() % text.size();
        switch (next() % 3) {
          case 0: text.erase(at, 1); break;
          case 1: text.insert(at, 1, alphabet[next() % alphabet.size()]); break;
          default: text[at] = static_cast<char>(next() & 0xFF);
        }
      }
    } else {  // random characters, sometimes random bytes
      const size_t n = next() % 40;
      for (size_t i = 0; i < n; ++i)
        text += trial % 10 == 0 ? static_cast<char>(next() & 0xFF) : alphabet[next() % alphabet.size()];
    }
    const auto r = bp::parse_printout(text);
    if (r.ok()) {
      ++parsed;
      CHECK(r.value().value.size() > 0);
      CHECK(r.value().value.allFinite());
    } else {
      CHECK_FALSE(r.error().reason.empty());
    }
  }
  CHECK(parsed > 100);  // the mutations leave many printouts readable
}
