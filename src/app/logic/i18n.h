// The UI's language. Strings live in one catalogue per language (src/app/i18n/<lang>.txt, checked
// and turned into an enum at build time by cmake/i18n.py): code names a string by its key,
// tr(S::train_step), never by its English text, and no key string reaches the binary. English is
// compiled in; Korean is compiled in natively and fetched on demand in the browser (lang/ko.txt
// with its font), so English users download neither.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "i18n_strings.h"  // generated: enum class S, kEnglish[]

namespace app {

using i18n::S;

enum class Lang { En, Ko };

/// "en" / "ko" ↔ Lang; an unknown name gives `fallback`.
const char* lang_code(Lang lang);
Lang parse_lang(std::string_view code, Lang fallback);
/// The language's own name for itself ("English", "한국어"): the switch shows these in any language.
const char* lang_name(Lang lang);

/// The language strings come in now. Korean before its table arrived reads English.
void set_language(Lang lang);
Lang language();

/// Installs a language's table: its strings in enum order, one a line, with \n and \\ escapes (the
/// generated lang/ko.txt). False, and nothing changes, when the line count is not the enum's.
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
/// tr(s) with each {name} replaced by its value ("{n} errors" with {{"n", "3"}} → "3 errors").
std::string trf(S s, std::initializer_list<std::pair<std::string_view, std::string_view>> values);

}  // namespace app
