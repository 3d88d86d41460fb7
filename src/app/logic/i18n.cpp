// i18n.h: the current language's table, English compiled in, others installed by set_table.
#include "app/logic/i18n.h"

#include <array>
#include <cstdio>
#include <vector>

#ifdef BACKPROP_KOREAN_BUILTIN
#include "i18n_ko_table.h"  // generated: kTable_ko, the same text the web fetches as lang/ko.txt
#endif

namespace app {
namespace {

// one installed language: its strings unescaped, each ending in '\0', in one buffer (no string
// per entry: the web build's size)
struct Table {
  std::string strings;  // enum order; empty: not installed
  std::vector<uint32_t> starts;
};

Lang g_lang = Lang::En;
std::array<Table, 2> g_tables;

Table& table(Lang lang) {
#ifdef BACKPROP_KOREAN_BUILTIN
  static const bool builtin = set_table(Lang::Ko, kTable_ko);  // natively Korean is always there
  (void)builtin;
#endif
  return g_tables[static_cast<size_t>(lang)];
}

}  // namespace

const char* lang_code(Lang lang) { return lang == Lang::Ko ? "ko" : "en"; }

// the glyphs of these names are compiled into every build: keep cmake/i18n.cmake's
// BACKPROP_LANGUAGE_NAMES in step
const char* lang_name(Lang lang) { return lang == Lang::Ko ? "한국어" : "English"; }

Lang parse_lang(std::string_view code, Lang fallback) {
  // "ko", "ko-KR", "ko_KR" (navigator.language, $LANG) are Korean
  if (code.substr(0, 2) == "ko") return Lang::Ko;
  if (code.substr(0, 2) == "en") return Lang::En;
  return fallback;
}

void set_language(Lang lang) { g_lang = lang; }
Lang language() { return g_lang; }

bool set_table(Lang lang, std::string_view text) {
  Table t;
  t.strings.reserve(text.size());
  bool line_start = true;
  for (size_t i = 0; i < text.size(); ++i) {  // one string a line, \n and \\ escaped
    if (line_start) t.starts.push_back(static_cast<uint32_t>(t.strings.size()));
    line_start = text[i] == '\n';
    if (text[i] == '\n') t.strings += '\0';
    else if (text[i] == '\\' && i + 1 < text.size()) t.strings += text[++i] == 'n' ? '\n' : text[i];
    else t.strings += text[i];
  }
  if (t.starts.size() != static_cast<size_t>(i18n::kStringCount) || (!text.empty() && text.back() != '\n'))
    return false;  // another build's table
  g_tables[static_cast<size_t>(lang)] = std::move(t);
  return true;
}

bool has_table(Lang lang) { return lang == Lang::En || !table(lang).starts.empty(); }


const char* tr(S s) {
  const auto i = static_cast<size_t>(s);
  const Table& t = table(g_lang);
  return g_lang != Lang::En && !t.starts.empty() ? t.strings.data() + t.starts[i] : i18n::kEnglish[i];
}

Label tr_id(S s, const char* id) {
  Label l;
  std::snprintf(l.text, sizeof l.text, "%s###%s", tr(s), id);
  return l;
}

std::string trf(S s, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string out = tr(s);
  for (const auto& [name, value] : values) {
    const std::string mark = "{" + std::string(name) + "}";
    for (size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + value.size()))
      out.replace(at, mark.size(), value);
  }
  return out;
}

}  // namespace app
