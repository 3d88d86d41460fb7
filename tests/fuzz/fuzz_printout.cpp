// The printout parser (parse_printout), as the cell text of `setAnswer` and of a sheet: numbers or
// an error whose line (with the cell's field) is valid.
#include <cstdint>
#include <string>

#include "contract.h"
#include "coursework/printout_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto parsed = bp::parse_printout(text);
  if (!parsed) {
    fuzz::require(!parsed.error().reason.empty(), "a parse error says why", text);
    fuzz::check_error_line(bp::Error{"answers.h", parsed.error().reason}.line(), false);
    return 0;
  }
  const Eigen::MatrixXd& v = parsed.value().value;
  fuzz::require(v.size() > 0, "parsed numbers are not empty", text);
  fuzz::require(v.allFinite(), "parsed numbers are finite", text);
  if (parsed.value().dims == bp::Dims::Scalar) fuzz::require(v.size() == 1, "a scalar is one number", text);
  if (parsed.value().dims == bp::Dims::Vector) fuzz::require(v.cols() == 1, "a vector is a column", text);
  return 0;
}
