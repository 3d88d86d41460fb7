// The UI's strings: the app's catalogue (src/app/i18n/<lang>.txt, see i18n/catalogue.h). Code
// names a string by its key, tr(S::train_step), never by its English text.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "app_strings.h"  // generated: enum class S, kEnglish[]
#include "engine/expected.h"
#include "i18n/catalogue.h"

namespace app {

using i18n::S;
using bp::lang::Lang;
using bp::lang::lang_code;
using bp::lang::lang_name;
using bp::lang::language;
using bp::lang::parse_lang;
using bp::lang::set_language;

/// Installs a language's table for the app and for coursework (its verdicts and messages): the
/// generated lang/ko.txt, the app's strings then coursework's. False when it is not this build's:
/// has_table stays false and the UI English.
bool set_table(Lang lang, std::string_view table);
/// The language's strings are there (English always; Korean natively, or once fetched).
bool has_table(Lang lang);

/// The string in the current language.
const char* tr(S s);
/// An ImGui label in a fixed buffer: nothing to allocate or free at each of the many widgets that
/// use one (the web build's size).
struct Label {
  char text[192];
  const char* c_str() const { return text; }
};
/// tr(s) as an ImGui label whose ID is `id` in every language ("과제###Exercise"): a header stays
/// open, a field keeps its focus, when the language changes.
Label tr_id(S s, const char* id);
/// An error as the UI shows it: Error::line() ("error: W1: has 3 columns …") with "error:" in the
/// UI's language; the field and reason are as the engine gave them.
std::string error_line(const bp::Error& e);
/// tr(s) with each {name} replaced by its value ("{n} errors" with {{"n", "3"}} → "3 errors").
std::string trf(S s, std::initializer_list<std::pair<std::string_view, std::string_view>> values);

}  // namespace app
