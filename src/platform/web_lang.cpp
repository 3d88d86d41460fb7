// The browser's languages: the one to start in when none is remembered (navigator.language), and
// a language's table and font fetched the first time it is chosen (lang/ko.txt, lang/ko-font.ttf,
// next to app.wasm), so a page in English never downloads them.
#include "platform/web_lang.h"

#include <cstdlib>
#include <string>

#include <emscripten.h>

#include "app/fonts.h"
#include "app/logic/i18n.h"
#include "platform/web_api.h"

namespace platform {
namespace {

EM_JS(char*, js_browser_language, (), {
  const text = String((navigator.languages && navigator.languages[0]) || navigator.language || "");
  const size = lengthBytesUTF8(text) + 1;
  const ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
});

// both files or neither: the table without its glyphs would draw boxes
EM_JS(void, js_fetch_language, (const char* code_ptr), {
  const code = UTF8ToString(code_ptr), asked = Module.labLanguages = Module.labLanguages || {};
  if (asked[code]) return;  // asked every frame until it arrives
  asked[code] = 1;
  const get = (name) => fetch('lang/' + code + name).then((r) => {
    if (!r.ok) throw Error(r.url + ': HTTP ' + r.status);
    return r.arrayBuffer();
  });
  Promise.all([get('.txt'), get('-font.ttf')]).then((files) => {
    asked[code] = performance.now();  // both here: the switch's budget (≤ 300 ms) starts (tests/e2e/korean.test.mjs)
    const p = files.map((b) => {
      const bytes = new Uint8Array(b), at = _malloc(bytes.length + 1);
      HEAPU8.set(bytes, at);
      return [at, bytes.length];
    });
    const error = _lab_language_arrived(code == 'ko', p[0][0], p[0][1], p[1][0], p[1][1]);
    p.forEach((f) => _free(f[0]));
    if (error) throw Error(UTF8ToString(error));
  }).catch((e) => {
    console.error('backprop-lab: ' + e.message);
    _lab_language_failed();
  });
});

void cannot_load(app::App& app) {
  app.presentation.lang = app.applied.lang;  // stay in the language shown
  app.notice = {app::tr(app::S::status_language_failed), true};
}

}  // namespace

app::Lang browser_language() {
  char* code = js_browser_language();
  const app::Lang lang = app::parse_lang(code, app::Lang::En);
  std::free(code);
  return lang;
}

void web_attach_languages(app::App& app) {
  app.fetch_language = [](app::Lang lang) { js_fetch_language(app::lang_code(lang)); };
}

}  // namespace platform

extern "C" {

// the fetched table and font; returns nullptr, or why they were refused (another build's table)
EMSCRIPTEN_KEEPALIVE const char* lab_language_arrived(int korean, const char* table, int table_size, const char* font,
                                                      int font_size) {
  const app::Lang lang = korean ? app::Lang::Ko : app::Lang::En;
  if (!app::set_table(lang, std::string_view(table, static_cast<size_t>(table_size))))
    return "lang/ko.txt does not match this app.wasm (reload the page)";  // the page says so, then lab_language_failed
  app::set_language_font(lang, std::string(font, static_cast<size_t>(font_size)));
  return nullptr;  // the next frame rebuilds the fonts and switches
}

EMSCRIPTEN_KEEPALIVE void lab_language_failed() { platform::cannot_load(platform::web_app()); }

}  // extern "C"
