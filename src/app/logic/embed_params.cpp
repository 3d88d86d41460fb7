// embed_params.h: a small query-string reader. Every value a notice quotes is cut short and goes
// through bp::Error::line()'s escaping when shown, so a hostile URL cannot flood the screen.
#include "app/logic/embed_params.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

#include "app/logic/i18n.h"
#include "engine/json_read.h"

namespace app::logic {
namespace {

constexpr std::array<std::string_view, kPartCount> kParts = {"network", "results", "inspector", "explainer",
                                                             "sheet",   "stepper", "status",    "toolbar", "train"};
constexpr std::array<std::string_view, 7> kTabs = {"graph", "network", "results", "inspector", "explainer", "sheet", "train"};
constexpr std::array<std::string_view, 9> kKeys = {"hide", "lock", "tab", "select", "scale", "theme", "flow", "origin", "lang"};
constexpr size_t kMaxQuoted = 40;  // bytes of a bad value a notice repeats

// "value" in quotes, cut to kMaxQuoted bytes with "…" (Error::line() escapes what is not printable)
std::string in_quotes(std::string_view v) {
  if (v.size() <= kMaxQuoted) return "\"" + std::string(v) + "\"";
  size_t cut = kMaxQuoted;
  while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return "\"" + std::string(v.substr(0, cut)) + "…\"";
}

std::string list(const std::string_view* names, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i ? ", " : "") + std::string(names[i]);
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// percent-decoding as the browser's URLSearchParams does: "+" is a space, a "%" not followed by
// two hex digits stays as it is
std::string decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') out += ' ';
    else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else out += s[i];
  }
  return out;
}

template <typename F>
void each_item(std::string_view s, char sep, F&& f) {
  while (true) {
    const size_t at = s.find(sep);
    f(s.substr(0, at));
    if (at == std::string_view::npos) return;
    s.remove_prefix(at + 1);
  }
}

// an on/off value: "1", "true", "yes", "on" or nothing at all (flow, lock); "0", "false", "no", "off"
std::optional<bool> flag(const std::string& v) {
  if (v.empty() || v == "1" || v == "true" || v == "yes" || v == "on") return true;
  if (v == "0" || v == "false" || v == "no" || v == "off") return false;
  return std::nullopt;
}

bool host_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_'; }

class Reader {
 public:
  explicit Reader(EmbedParams& p) : p_(p) {}

  void pair(const std::string& key, const std::string& value) {
    const auto known = std::find(kKeys.begin(), kKeys.end(), key);
    if (known == kKeys.end()) return unknown(key);
    const size_t k = static_cast<size_t>(known - kKeys.begin());
    if (k != 7 && seen_[k]++) note(key, tr(S::embed_twice));
    switch (k) {
      case 0: return hide(value);
      case 1: return lock(value);
      case 2: return tab(value);
      case 3: return select(value);
      case 4: return scale(value);
      case 5: return theme(value);
      case 6: return flow(value);
      case 7: return origin(value);
      default: return lang(value);
    }
  }

  void note(const std::string& field, std::string reason) {
    if (p_.notices.size() < kMaxNotices) p_.notices.push_back({field, std::move(reason)});
    else ++dropped_;
  }

  void finish() {
    if (!p_.tab.empty() && p_.tab != "graph") {
      const size_t t = static_cast<size_t>(std::find(kParts.begin(), kParts.end(), p_.tab) - kParts.begin());
      if (t < kParts.size() && p_.hides(static_cast<Part>(t))) {
        note("tab", trf(S::embed_tab_hidden, {{"tab", in_quotes(p_.tab)}, {"name", p_.tab}}));
        p_.tab.clear();
      }
    }
    if (dropped_ > 0)
      p_.notices.push_back({"parameters", dropped_ > 1 ? trf(S::embed_more, {{"n", std::to_string(dropped_)}})
                                                        : std::string(tr(S::embed_more_one))});
  }

 private:
  void unknown(const std::string& key) {
    std::string best;
    size_t best_d = 3;
    for (std::string_view c : kKeys)
      if (size_t d = bp::detail::edit_distance(lower(key.substr(0, 64)), std::string(c)); d < best_d) best_d = d, best = c;
    note(key.substr(0, kMaxQuoted),
         best.empty() ? trf(S::embed_unknown, {{"known", list(kKeys.data(), kKeys.size())}})
                      : trf(S::embed_did_you_mean, {{"best", best}}));
  }

  void hide(const std::string& value) {
    p_.hidden = 0;
    each_item(value, ',', [&](std::string_view raw) {
      const std::string item = lower(trim(raw));
      if (item.empty()) return;
      const auto at = std::find(kParts.begin(), kParts.end(), item);
      if (at != kParts.end()) p_.hidden |= 1u << static_cast<unsigned>(at - kParts.begin());
      else if (item == "graph") note("hide", tr(S::embed_hide_graph));
      else note("hide", trf(S::embed_not_part, {{"value", in_quotes(raw)}, {"known", list(kParts.data(), kParts.size())}}));
    });
  }

  void lock(const std::string& value) {
    const std::string v = lower(value);
    if (v == "all") p_.lock = Lock::All;
    else if (const auto on = flag(v)) p_.lock = *on ? Lock::Network : Lock::None;
    else note("lock", trf(S::embed_not_lock, {{"value", in_quotes(value)}}));
  }

  void tab(const std::string& value) {
    const std::string v = lower(trim(value));
    if (std::find(kTabs.begin(), kTabs.end(), v) != kTabs.end()) p_.tab = v;
    else note("tab", trf(S::embed_not_part, {{"value", in_quotes(value)}, {"known", list(kTabs.data(), kTabs.size())}}));
  }

  void select(const std::string& value) {
    const std::string_view v = trim(value);
    const size_t slash = v.find('/');
    const std::string_view of = trim(v.substr(0, slash));
    const std::string_view wrt = slash == std::string_view::npos ? std::string_view() : trim(v.substr(slash + 1));
    if (of.empty() || (slash != std::string_view::npos && wrt.empty()) || wrt.find('/') != std::string_view::npos ||
        of.size() > kMaxQuoted || wrt.size() > kMaxQuoted) {
      note("select", trf(S::embed_not_select, {{"value", in_quotes(value)}}));
      return;
    }
    p_.select_of = std::string(of);
    p_.select_wrt = std::string(wrt);
  }

  void scale(const std::string& value) {
    const std::string v(trim(value));
    char* end = nullptr;
    const long percent = v.empty() || v.size() > 6 ? 0 : std::strtol(v.c_str(), &end, 10);
    if (!end || *end != '\0' || !std::isdigit(static_cast<unsigned char>(v[0])) || percent < 100 || percent > 250) {
      note("scale", trf(S::embed_not_scale, {{"value", in_quotes(value)}}));
      return;
    }
    p_.scale = static_cast<float>(percent) / 100.0f;
  }

  void theme(const std::string& value) {
    const std::string v = lower(trim(value));
    if (v == "light" || v == "dark") p_.light = v == "light";
    else note("theme", trf(S::embed_not_theme, {{"value", in_quotes(value)}}));
  }

  void lang(const std::string& value) {
    const std::string v = lower(trim(value));
    if (v == "en" || v == "ko") p_.lang = v;
    else note("lang", trf(S::embed_not_lang, {{"value", in_quotes(value)}}));
  }

  void flow(const std::string& value) {
    if (const auto on = flag(lower(trim(value)))) p_.flow = *on;
    else note("flow", trf(S::embed_not_flow, {{"value", in_quotes(value)}}));
  }

  void origin(const std::string& value) {
    each_item(value, ',', [&](std::string_view raw) {
      const std::string_view item = trim(raw);
      if (item.empty()) return;
      auto o = parse_origin(item);
      if (!o) return note("origin", o.error().reason);
      if (std::find(p_.origins.begin(), p_.origins.end(), o.value()) != p_.origins.end()) return;
      if (p_.origins.size() >= kMaxOrigins) return note("origin", trf(S::embed_max_origins, {{"max", std::to_string(kMaxOrigins)}}));
      p_.origins.push_back(std::move(o).value());
    });
  }

  EmbedParams& p_;
  std::array<int, kKeys.size()> seen_{};
  size_t dropped_ = 0;
};

}  // namespace

std::string_view part_name(Part p) { return kParts[static_cast<size_t>(p)]; }

bp::Expected<std::string> parse_origin(std::string_view text) {
  const std::string quoted = in_quotes(text);
  const auto bad = [&](S why) { return bp::Error{"origin", trf(why, {{"value", quoted}})}; };
  std::string s = lower(text);
  if (s == "*" || s == "null") return bad(S::embed_origin_any);
  if (!s.empty() && s.back() == '/') s.pop_back();
  std::string scheme;
  for (std::string_view sc : {"http://", "https://"})
    if (s.compare(0, sc.size(), sc) == 0) scheme = std::string(sc);
  if (scheme.empty()) return bad(S::embed_origin_not);
  std::string host = s.substr(scheme.size()), port;
  const size_t colon = host.rfind(':');
  const bool ipv6 = !host.empty() && host.front() == '[';
  if (colon != std::string::npos && (!ipv6 || host.find(']') < colon)) {
    port = host.substr(colon + 1);
    host.resize(colon);
    if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) || std::stol(port) < 1 ||
        std::stol(port) > 65535)
      return bad(S::embed_origin_port);
    port = std::to_string(std::stol(port));  // "08000" is port 8000
  }
  const bool host_ok = ipv6 ? host.size() > 2 && host.back() == ']' &&
                                  std::all_of(host.begin() + 1, host.end() - 1, [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.'; })
                            : !host.empty() && host.size() <= 253 && std::all_of(host.begin(), host.end(), host_char) &&
                                  host.front() != '.' && host.front() != '-';
  if (!host_ok) return bad(S::embed_origin_host);
  if ((scheme == "http://" && port == "80") || (scheme == "https://" && port == "443")) port.clear();
  return scheme + host + (port.empty() ? "" : ":" + port);
}

EmbedParams parse_embed_params(std::string_view query) {
  EmbedParams p;
  Reader reader(p);
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  each_item(query, '&', [&](std::string_view pair) {
    if (pair.empty()) return;
    const size_t eq = pair.find('=');
    reader.pair(decode(pair.substr(0, eq)), eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1)));
  });
  reader.finish();
  p.query = std::string(query);
  return p;
}

}  // namespace app::logic
