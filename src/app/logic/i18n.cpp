// i18n.h: the app's catalogue; Korean compiled in natively, installed by set_table in the browser.
#include "app/logic/i18n.h"

#include <algorithm>
#include <cstdio>

#include "coursework/words.h"
#include "engine/reasons.h"

namespace app {
using i18n::catalogue;  // generated: app_catalogue.cpp

bool set_table(Lang lang, std::string_view table) {
  // the app's part, coursework's, the engine's (cmake/i18n.cmake's BACKPROP_CATALOGUES), filling the
  // table exactly: a table of another build installs nothing
  std::string_view rest = table;
  return catalogue().install(lang, rest) && bp::words_install(lang, rest) && bp::reasons_install(lang, rest) && rest.empty();
}

bool has_table(Lang lang) {
  return catalogue().has(lang) && bp::words_installed(lang) && bp::reasons_installed(lang);
}

const char* tr(S s) { return catalogue().get(static_cast<int>(s)); }

Label tr_id(S s, const char* id) {
  Label l;
  std::snprintf(l.text, sizeof l.text, "%s###%s", tr(s), id);
  return l;
}

std::string error_line(const bp::Error& e) {
  const std::string line = e.line();  // "error: " + field + ": " + reason, escaped
  return std::string(tr(S::error_prefix)) + " " + line.substr(std::min<size_t>(line.find(' ') + 1, line.size()));
}

std::string trf(S s, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  return bp::lang::fill(tr(s), values);
}

}  // namespace app
