// The engine's words: the reasons of its validation errors, from the engine catalogue
// (src/engine/i18n/<lang>.txt, see i18n/catalogue.h) in the process's language — English unless
// the app's switch or a CLI's --lang chose another. Field names stay as the JSON format spells them.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "engine_strings.h"  // generated: enum class Why, kEnglish[]
#include "i18n/catalogue.h"

namespace bp {

using reasons::Why;

/// The reason in the current language, each {name} replaced by its value.
std::string why(Why w, std::initializer_list<std::pair<std::string_view, std::string_view>> values = {});

/// Installs a language's table from the head of `table`, leaving `table` at the rest (Catalogue::install).
bool reasons_install(lang::Lang lang, std::string_view& table);
bool reasons_installed(lang::Lang lang);

}  // namespace bp
