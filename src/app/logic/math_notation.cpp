// math_notation.h: a tiny TeX-like reader for the exercise's formulas.
#include "app/logic/math_notation.h"

#include <cstring>

namespace app::logic {
namespace {

constexpr const char* kScriptL = "\xE2\x84\x93";  // ℓ

// bytes of the UTF-8 code point starting at s[i]
size_t code_point_length(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  return i + n <= s.size() ? n : s.size() - i;
}

// ASCII only: "∂l" and "∇l" are the loss next to a symbol, not part of a word
bool is_word_char(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// a lone "l" (not inside a word such as "label" or "log") is the loss, also as a subscript (∇_l ℓ)
std::string loss_as_script_l(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool alone = s[i] == 'l' && (i == 0 || !is_word_char(static_cast<unsigned char>(s[i - 1]))) &&
                       (i + 1 == s.size() || !is_word_char(static_cast<unsigned char>(s[i + 1])));
    if (alone) out += kScriptL;
    else out += s[i];
  }
  return out;
}

void push(std::vector<MathRun>& runs, std::string text, MathLevel level) {
  if (text.empty()) return;
  if (level != MathLevel::Super) text = loss_as_script_l(text);
  if (!runs.empty() && runs.back().level == level) runs.back().text += text;
  else runs.push_back({std::move(text), level});
}

// the Unicode sub/superscript of one ASCII character, or nullptr
const char* script_of(char c, MathLevel level) {
  static const char* const kSubDigits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
  static const char* const kSupDigits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  if (c >= '0' && c <= '9') return level == MathLevel::Sub ? kSubDigits[c - '0'] : kSupDigits[c - '0'];
  if (level == MathLevel::Super) {
    switch (c) {
      case 'T': return "ᵀ";
      case '-': return "⁻";
      case '+': return "⁺";
      case 'n': return "ⁿ";
      case 'i': return "ⁱ";
      default: return nullptr;
    }
  }
  switch (c) {
    case 'i': return "ᵢ";
    case 'j': return "ⱼ";
    case 'k': return "ₖ";
    case 'n': return "ₙ";
    case '-': return "₋";
    case '+': return "₊";
    default: return nullptr;
  }
}

}  // namespace

std::vector<MathRun> parse_math(std::string_view tex) {
  std::vector<MathRun> runs;
  std::string base;
  size_t i = 0;
  while (i < tex.size()) {
    const char c = tex[i];
    if ((c == '_' || c == '^') && i + 1 < tex.size()) {
      const MathLevel level = c == '_' ? MathLevel::Sub : MathLevel::Super;
      std::string group;
      size_t next = i + 1;
      if (tex[next] == '{') {
        const size_t close = tex.find('}', next);
        if (close == std::string_view::npos) {  // unbalanced: keep the rest as text
          base += std::string(tex.substr(i));
          break;
        }
        group = std::string(tex.substr(next + 1, close - next - 1));
        next = close + 1;
      } else {
        const size_t n = code_point_length(tex, next);
        group = std::string(tex.substr(next, n));
        next += n;
      }
      push(runs, std::move(base), MathLevel::Base);
      base.clear();
      push(runs, std::move(group), level);
      i = next;
      continue;
    }
    base += c;
    ++i;
  }
  push(runs, std::move(base), MathLevel::Base);
  return runs;
}

std::string plain_math(std::string_view tex) {
  std::string out;
  for (const MathRun& run : parse_math(tex)) {
    if (run.level == MathLevel::Base) {
      out += run.text;
      continue;
    }
    std::string scripted;
    bool all = true;
    for (char c : run.text) {
      const char* s = script_of(c, run.level);
      if (!s) {
        all = false;
        break;
      }
      scripted += s;
    }
    out += all ? scripted : run.text;
  }
  return out;
}

}  // namespace app::logic
