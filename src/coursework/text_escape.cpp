// One loop per format, character by character (UTF-8 passes through untouched).
#include "coursework/text_escape.h"

namespace bp {

std::string markdown_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '_' || c == '*' || c == '|' || c == '<' || c == '`') out += '\\';
    out += c;
  }
  return out;
}

std::string latex_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\textbackslash{}"; break;
      case '{': case '}': case '$': case '&': case '#': case '_': case '%': out += std::string("\\") + c; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      default: out += c;
    }
  }
  return out;
}

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace bp
