// The browser's side of links, the stored session and opened files (web_share.cpp, web_api.js).
#pragma once
#include <string>

namespace platform {

/// The page's address without its fragment, as web_api.js last told it (a share link's base).
std::string web_page_address();

}  // namespace platform
