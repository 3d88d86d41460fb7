// The browser's side of the UI language (web_lang.cpp): its default and fetching a language.
#pragma once
#include "app/app.h"

namespace platform {

/// navigator.language as a Lang (Korean for "ko", "ko-KR"; English otherwise).
app::Lang browser_language();

/// Gives the app its fetch_language: lang/<code>.txt and lang/<code>-font.ttf, once, installed
/// when both arrived (a failure leaves the language shown and says so in the status bar).
void web_attach_languages(app::App& app);

}  // namespace platform
