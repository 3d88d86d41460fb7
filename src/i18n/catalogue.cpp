// catalogue.h: the process's language and each catalogue's tables.
#include "i18n/catalogue.h"

#include <cstring>

namespace bp::lang {
namespace {
Lang g_lang = Lang::En;
}  // namespace

const char* lang_code(Lang lang) { return lang == Lang::Ko ? "ko" : "en"; }

// the glyphs of these names are compiled into every build: keep cmake/i18n.cmake's
// BACKPROP_LANGUAGE_NAMES in step
const char* lang_name(Lang lang) { return lang == Lang::Ko ? "한국어" : "English"; }

Lang parse_lang(std::string_view code, Lang fallback) {
  if (code.substr(0, 2) == "ko") return Lang::Ko;
  if (code.substr(0, 2) == "en") return Lang::En;
  return fallback;
}

void set_language(Lang lang) { g_lang = lang; }
Lang language() { return g_lang; }

Catalogue::Catalogue(const char* const* english, int count, const char* korean) : english_(english), count_(count) {
  std::string_view table = korean ? korean : "";
  if (korean) install(Lang::Ko, table);
}

bool Catalogue::install(Lang lang, std::string_view& text) {
  if (lang == Lang::En) return false;  // English is compiled in
  Table t;
  t.starts.reserve(static_cast<size_t>(count_));
  size_t i = 0;
  while (t.starts.size() < static_cast<size_t>(count_) && i < text.size()) {  // one string a line
    t.starts.push_back(static_cast<uint32_t>(t.strings.size()));
    for (; i < text.size() && text[i] != '\n'; ++i) {
      if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') t.strings += text[++i] == 'n' ? '\n' : text[i];
      else t.strings += text[i];
    }
    if (i == text.size()) return false;  // the last line unfinished: a cut download
    t.strings += '\0';
    ++i;
  }
  if (t.starts.size() != static_cast<size_t>(count_)) return false;  // another build's table
  korean_ = std::move(t);
  has_korean_ = true;
  text.remove_prefix(i);
  return true;
}

bool Catalogue::has(Lang lang) const { return lang == Lang::En || has_korean_; }

const char* Catalogue::get(int i) const {
  if (i < 0 || i >= count_) return "";
  return g_lang == Lang::Ko && has_korean_ ? korean_.strings.data() + korean_.starts[static_cast<size_t>(i)]
                                                       : english_[i];
}

std::string fill(std::string out, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  for (const auto& [name, value] : values) {
    const std::string mark = "{" + std::string(name) + "}";
    for (size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + value.size()))
      out.replace(at, mark.size(), value);
  }
  return out;
}

}  // namespace bp::lang
