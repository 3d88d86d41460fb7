// reasons.h: the engine catalogue; Korean compiled in natively, installed with the app's in the browser.
#include "engine/reasons.h"

namespace bp {
using reasons::catalogue;  // generated: engine_catalogue.cpp

std::string why(Why w, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  return lang::fill(catalogue().get(static_cast<int>(w)), values);
}

bool reasons_install(lang::Lang lang, std::string_view& table) { return catalogue().install(lang, table); }
bool reasons_installed(lang::Lang lang) { return catalogue().has(lang); }

}  // namespace bp
