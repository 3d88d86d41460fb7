// String catalogues: the strings of one part of the program (the app's UI, coursework's messages
// and handouts), one per language, checked and turned into an enum at build time by cmake/i18n.py.
// Code names a string by its key, never by its English text. English is compiled in; another
// language is compiled in (native builds) or installed when it arrives (the browser fetches it).
// The language is the process's: the app's switch and the CLI's --lang set it for every catalogue.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bp::lang {

enum class Lang { En, Ko };

/// "en" / "ko" ↔ Lang; an unknown name gives `fallback` ("ko-KR", "ko_KR.UTF-8" are Korean).
const char* lang_code(Lang lang);
Lang parse_lang(std::string_view code, Lang fallback);
/// The language's own name for itself ("English", "한국어"): the switch shows these in any language.
const char* lang_name(Lang lang);

/// The language strings come in now, in every catalogue; one without its table reads English.
void set_language(Lang lang);
Lang language();

/// One catalogue: its English strings (generated kEnglish[]) and the tables installed for others.
class Catalogue {
 public:
  /// `korean`: the compiled-in Korean table (generated kTable_ko), or nullptr (fetched later).
  Catalogue(const char* const* english, int count, const char* korean = nullptr);

  /// Installs a language's table from the head of `table`: this catalogue's strings in enum order,
  /// one a line, with \n and \\ escapes (cmake/i18n.py's --table), and leaves `table` at the
  /// rest (the next catalogue's). False, and nothing changes, when `table` has too few lines.
  bool install(Lang lang, std::string_view& table);
  bool has(Lang lang) const;

  /// String i in the current language.
  const char* get(int i) const;
  int size() const { return count_; }

 private:
  struct Table {
    std::string strings;  // unescaped, each ending in '\0', in one buffer (the web build's size)
    std::vector<uint32_t> starts;
  };
  const char* const* english_;
  int count_;
  Table korean_;
  bool has_korean_ = false;
};

/// `text` with each {name} replaced by its value ("{n} errors" with {{"n", "3"}} → "3 errors").
std::string fill(std::string text, std::initializer_list<std::pair<std::string_view, std::string_view>> values);

}  // namespace bp::lang
