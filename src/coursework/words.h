// Coursework's words: the checker's verdicts and mistake explanations, the handouts' text, the CLI's
// coursework messages — the coursework catalogue (src/coursework/i18n/<lang>.txt, see
// i18n/catalogue.h), in the process's language (bp::lang::set_language; the CLI's --lang).
// The CLI contract — field names, mistake codes, JSON keys — stays English whatever the language.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "coursework_strings.h"  // generated: enum class Msg, kEnglish[]
#include "i18n/catalogue.h"

namespace bp {

using words::Msg;

/// The string in the current language.
const char* say(Msg m);
/// say(m) with each {name} replaced by its value.
std::string sayf(Msg m, std::initializer_list<std::pair<std::string_view, std::string_view>> values);

/// "a, b and c" in the current language; past `shown` items, "a, b, c, d and 3 more".
std::string say_list(const std::vector<std::string>& items, size_t shown = SIZE_MAX);

/// Installs a language's table from the head of `table`, leaving `table` at the rest (Catalogue::install).
bool words_install(lang::Lang lang, std::string_view& table);
bool words_installed(lang::Lang lang);

}  // namespace bp
