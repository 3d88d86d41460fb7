// Plain-text layout: one section per part of the report, matrices with aligned columns.
#include "engine/report_table.h"

#include <algorithm>
#include <sstream>

#include "engine/number_format.h"

namespace bp {
namespace {

// "[ a  b ]" lines with every column right-aligned to its widest entry
std::vector<std::string> matrix_lines(const Eigen::MatrixXd& m, bool as_row, int sig) {
  const Eigen::MatrixXd shown = as_row ? Eigen::MatrixXd(m.reshaped(1, m.size())) : m;
  std::vector<std::vector<std::string>> cells(shown.rows(), std::vector<std::string>(shown.cols()));
  std::vector<size_t> width(shown.cols(), 0);
  for (Eigen::Index i = 0; i < shown.rows(); ++i)
    for (Eigen::Index j = 0; j < shown.cols(); ++j) {
      cells[i][j] = std::isnan(shown(i, j)) ? "·" : format_number(shown(i, j), sig);
      width[j] = std::max(width[j], cells[i][j].size());
    }
  std::vector<std::string> lines;
  for (const auto& row : cells) {
    std::string line = "[";
    for (size_t j = 0; j < row.size(); ++j) line += " " + std::string(width[j] - row[j].size(), ' ') + row[j];
    lines.push_back(line + " ]");
  }
  return lines;
}

void put_matrix(std::ostringstream& out, const std::string& label, size_t label_width, const Eigen::MatrixXd& m,
                bool as_row, int sig) {
  const std::vector<std::string> lines = matrix_lines(m, as_row, sig);
  for (size_t i = 0; i < lines.size(); ++i)
    out << "  " << (i == 0 ? label : "") << std::string(label_width - (i == 0 ? label.size() : 0), ' ') << lines[i]
        << "\n";
}

std::string shape(const Eigen::MatrixXd& m) { return std::to_string(m.rows()) + "×" + std::to_string(m.cols()); }

void put_agreement(std::ostringstream& out, const std::string& name, const Agreement& a) {
  out << "  " << name << ": ";
  if (!a.compared) {
    out << "not compared. " << a.note << "\n";
    return;
  }
  out << (a.ok ? "OK  " : "FAIL") << "  max abs " << format_number(a.max_abs, 3) << ", max rel "
      << format_number(a.max_rel, 3) << " (tolerance " << format_number(a.tolerance, 2) << ")\n    " << a.note << "\n";
}

}  // namespace

std::string report_to_table(const Report& r, int sig) {
  std::ostringstream out;
  out << "Precision " << option_name(r.precision) << "\n\nForward values\n";
  for (const NamedMatrix& m : r.forward) {
    if (m.name == "l") out << "  l  = " << format_number(m.value(0), sig) << "\n";
    else put_matrix(out, m.name + " = ", std::max<size_t>(5, m.name.size() + 3), m.value, m.is_vector, sig);
  }

  out << "\nLocal Jacobians (rows = outputs, columns = inputs; matrices flattened row-major)\n";
  if (r.jacobians.empty()) out << "  " << manual_skip_text(r.manual_skip) << "\n";
  for (const JacobianReport& J : r.jacobians) {
    out << "  ∂" << J.of << "/∂" << J.wrt << "  (" << shape(J.value) << ")\n";
    put_matrix(out, "", 4, J.value, false, sig);
  }

  out << "\nGradients ∇_x l (autodiff = reverse mode, manual = Jacobian chain, numeric = finite differences)\n";
  for (size_t i = 0; i < r.autodiff.size(); ++i) {
    const std::string& name = r.autodiff[i].name;
    out << "  ∇_" << name << " l  (" << shape(r.autodiff[i].value) << ")\n";
    put_matrix(out, "  autodiff ", 13, r.autodiff[i].value, r.autodiff[i].is_vector, sig);
    if (!r.manual_skip.skipped()) {
      put_matrix(out, "  manual   ", 13, r.manual[i].value, r.manual[i].is_vector, sig);
      for (const NamedMatrix& flat : r.manual_flat)
        if (flat.name == name) put_matrix(out, "  flat row ", 13, flat.value, true, sig);
    }
    if (!r.numeric.empty()) put_matrix(out, "  numeric  ", 13, r.numeric[i].value, r.numeric[i].is_vector, sig);
  }

  out << "\nAgreement\n";
  put_agreement(out, "manual vs autodiff", r.manual_vs_autodiff);
  put_agreement(out, "numeric vs autodiff", r.numeric_vs_autodiff);
  for (const std::string& w : r.warnings) out << "\nWarning: " << w << "\n";
  return out.str();
}

}  // namespace bp
