// words.h: the coursework catalogue; Korean compiled in natively, installed with the app's in the browser.
#include "coursework/words.h"

#include <algorithm>

namespace bp {
using words::catalogue;  // generated: coursework_catalogue.cpp

const char* say(Msg m) { return catalogue().get(static_cast<int>(m)); }

std::string sayf(Msg m, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  return lang::fill(say(m), values);
}

std::string say_list(const std::vector<std::string>& items, size_t shown) {
  const size_t n = std::min(items.size(), shown);
  // every item but the one the language joins last with its own word ("and")
  const size_t head_count = n < items.size() ? n : n == 0 ? 0 : n - 1;
  std::string head;
  for (size_t i = 0; i < head_count; ++i) head += (i ? ", " : "") + items[i];
  if (n < items.size()) return sayf(Msg::list_more, {{"head", head}, {"n", std::to_string(items.size() - n)}});
  if (head_count == 0) return n ? items[0] : "";
  return sayf(Msg::list_last, {{"head", head}, {"last", items[n - 1]}});
}

bool words_install(lang::Lang lang, std::string_view& table) { return catalogue().install(lang, table); }
bool words_installed(lang::Lang lang) { return catalogue().has(lang); }

}  // namespace bp
