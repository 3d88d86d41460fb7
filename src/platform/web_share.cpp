// C side of getLink(), the share link in the page's address, the session kept in localStorage and
// the files opened in the page (web_api.js calls these; README "Links, storage and files").
#include "platform/web_share.h"

#include <string>

#include <emscripten.h>

#include "app/logic/i18n.h"
#include "app/mirror.h"
#include "app/session.h"
#include "platform/web_api.h"

namespace {
std::string g_page_address = "http://localhost:8000/";

const char* keep(std::string& buffer, std::string value) {
  buffer = std::move(value);
  return buffer.c_str();
}
std::string text_of(const char* p, int length) { return std::string(p, static_cast<size_t>(length)); }
}  // namespace

namespace platform {
std::string web_page_address() { return g_page_address; }
}  // namespace platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void lab_set_page_address(const char* address) { g_page_address = address; }

EMSCRIPTEN_KEEPALIVE const char* lab_get_link(int with_answers) {
  static std::string out;
  return keep(out, app::link_text(platform::web_app(), with_answers != 0, g_page_address));
}

EMSCRIPTEN_KEEPALIVE const char* lab_open_link(const char* link, int length, int replaced_stored) {
  static std::string out;
  return keep(out, app::open_link(platform::web_app(), text_of(link, length), replaced_stored != 0));
}

// what the session holds changed (cheap: the stored copy is rewritten only then)
EMSCRIPTEN_KEEPALIVE const char* lab_session_key() {
  static std::string out;
  const app::App& a = platform::web_app();
  return keep(out, app::mirror_key(a) + "|" + a.answer_tools.student.data() + "|" + app::screen_name(a.right_tab));
}

EMSCRIPTEN_KEEPALIVE const char* lab_get_session() {
  static std::string out;
  return keep(out, app::session_json(platform::web_app()));
}

// the stored session on load: it becomes the start of the undo history
EMSCRIPTEN_KEEPALIVE const char* lab_restore_session(const char* json, int length) {
  static std::string out;
  app::App& a = platform::web_app();
  keep(out, app::restore_session(a, text_of(json, length)));
  a.history.restart(a);
  return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* lab_open_file(const char* name, const char* text, int length) {
  static std::string out;
  return keep(out, app::open_file(platform::web_app(), text_of(text, length), name));
}

// what the page's own checks found, said in the UI's language
EMSCRIPTEN_KEEPALIVE void lab_notice_storage_full() { platform::web_app().notice = {app::tr(app::S::share_storage_full), true}; }

EMSCRIPTEN_KEEPALIVE void lab_notice_file_too_big(const char* name, int megabytes) {
  platform::web_app().notice = {app::trf(app::S::share_file_too_big, {{"name", name}, {"mb", std::to_string(megabytes)}}), true};
}

}  // extern "C"
