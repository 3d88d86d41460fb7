// Text from outside (student IDs, file names, the notation) made safe for each output format.
#pragma once
#include <string>

namespace bp {

/// CommonMark: a backslash before _ * | < ` and \ (emphasis, table cells, code, HTML).
std::string markdown_escape(const std::string& s);

/// LaTeX text mode: the ten special characters.
std::string latex_escape(const std::string& s);

/// HTML text and attribute values: & < > " '.
std::string html_escape(const std::string& s);

}  // namespace bp
