// settings.h: localStorage in the browser, a small file on the desktop.
#include "platform/settings.h"

#ifdef __EMSCRIPTEN__
#include <cstdlib>

#include <emscripten.h>
#else
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#endif

namespace platform {

#ifdef __EMSCRIPTEN__

EM_JS(char*, js_load_settings, (), {
  let text = "";
  try { text = localStorage.getItem('backpropLab.settings') || ""; } catch (e) {}
  const size = lengthBytesUTF8(text) + 1;
  const ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
});
EM_JS(void, js_save_settings, (const char* text), {
  try { localStorage.setItem('backpropLab.settings', UTF8ToString(text)); } catch (e) {}
});

std::string load_settings() {
  char* text = js_load_settings();
  std::string out(text);
  std::free(text);
  return out;
}

void save_settings(const std::string& text) { js_save_settings(text.c_str()); }

#else

namespace {
std::filesystem::path settings_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "backprop-lab" / "settings";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".config" / "backprop-lab" / "settings";
  return {};
}
}  // namespace

std::string load_settings() {
  const auto path = settings_path();
  if (path.empty()) return "";
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void save_settings(const std::string& text) {
  const auto path = settings_path();
  if (path.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream(path) << text << "\n";
}

#endif

}  // namespace platform
