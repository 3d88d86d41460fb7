// A small, strict XML 1.0 well-formedness reader for the tests of generated documents (the SVG
// export): one root element, properly nested and closed tags, quoted attributes without
// duplicates, only the five predefined entities and character references, no stray '<' or '&',
// valid UTF-8, no DTD. It returns the element tree with decoded text, or the first error with
// its byte offset. (The CTest "graph-svg-xml" also reads the same documents with Python's expat.)
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace test::xml {

struct Element {
  std::string name;
  std::map<std::string, std::string> attrs;
  std::vector<std::unique_ptr<Element>> children;
  std::string text;  ///< this element's own character data, decoded (children's not included)
  /// All character data inside, in document order (tspans of a <text> joined).
  std::string all_text() const {
    std::string s = text;
    for (const auto& c : children) s += c->all_text();
    return s;
  }
  /// Every descendant (and this element) named `tag`, in document order.
  void find_all(std::string_view tag, std::vector<const Element*>& out) const {
    if (name == tag) out.push_back(this);
    for (const auto& c : children) c->find_all(tag, out);
  }
};

struct Document {
  std::unique_ptr<Element> root;
  std::string error;  ///< empty when well-formed
};

namespace detail {

inline bool name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':'; }
inline bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
inline bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

inline void put_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) out += static_cast<char>(0xC0 | (cp >> 6)), out += static_cast<char>(0x80 | (cp & 0x3F));
  else if (cp < 0x10000)
    out += static_cast<char>(0xE0 | (cp >> 12)), out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
        out += static_cast<char>(0x80 | (cp & 0x3F));
  else
    out += static_cast<char>(0xF0 | (cp >> 18)), out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), out += static_cast<char>(0x80 | (cp & 0x3F));
}

inline bool valid_utf8(std::string_view s, size_t& bad) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return bad = i, false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return bad = i, false;
    if (n == 1 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') return bad = i, false;  // not an XML character
    i += n;
  }
  return true;
}

struct Reader {
  std::string_view s;
  size_t i = 0;
  std::string error;

  bool fail(const std::string& what) {
    if (error.empty()) error = what + " at byte " + std::to_string(i);
    return false;
  }
  bool starts(std::string_view t) const { return s.substr(i, t.size()) == t; }
  void skip_space() {
    while (i < s.size() && space(s[i])) ++i;
  }
  bool name(std::string& out) {
    if (i >= s.size() || !name_start(s[i])) return fail("a name expected");
    const size_t start = i;
    while (i < s.size() && name_char(s[i])) ++i;
    out = std::string(s.substr(start, i - start));
    return true;
  }
  // '&' at s[i]: one of the predefined entities or a character reference
  bool reference(std::string& out) {
    static const std::pair<std::string_view, char> named[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    for (const auto& [entity, c] : named)
      if (starts(entity)) return out += c, i += entity.size(), true;
    if (!starts("&#")) return fail("an unknown entity");
    i += 2;
    const bool hex = i < s.size() && s[i] == 'x';
    if (hex) ++i;
    uint32_t cp = 0;
    size_t digits = 0;
    for (; i < s.size() && s[i] != ';'; ++i, ++digits) {
      const char c = s[i];
      const int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0 || cp > 0x10FFFF) return fail("a bad character reference");
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    }
    if (i >= s.size() || digits == 0 || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return fail("a bad character reference");
    ++i;
    put_utf8(out, cp);
    return true;
  }
  bool comment() {  // at "<!--"
    const size_t end = s.find("-->", i + 4);
    if (end == std::string_view::npos) return fail("an unclosed comment");
    if (s.substr(i + 4, end - i - 4).find("--") != std::string_view::npos) return fail("\"--\" inside a comment");
    i = end + 3;
    return true;
  }
  bool misc() {  // whitespace and comments between top-level items
    for (;;) {
      skip_space();
      if (starts("<!--")) {
        if (!comment()) return false;
      } else {
        return true;
      }
    }
  }
  bool element(Element& e, int depth) {
    if (depth > 200) return fail("elements nested too deeply");
    ++i;  // '<'
    if (!name(e.name)) return false;
    for (;;) {
      const bool had_space = i < s.size() && space(s[i]);
      skip_space();
      if (i >= s.size()) return fail("an unclosed start tag");
      if (starts("/>")) return i += 2, true;
      if (s[i] == '>') {
        ++i;
        break;
      }
      if (!had_space) return fail("attributes must be separated by whitespace");
      std::string key, value;
      if (!name(key)) return false;
      skip_space();
      if (i >= s.size() || s[i] != '=') return fail("'=' expected after attribute " + key);
      ++i;
      skip_space();
      if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return fail("a quoted value expected for " + key);
      const char quote = s[i++];
      while (i < s.size() && s[i] != quote) {
        if (s[i] == '<') return fail("'<' in the value of " + key);
        if (s[i] == '&') {
          if (!reference(value)) return false;
        } else {
          value += s[i++];
        }
      }
      if (i >= s.size()) return fail("an unclosed attribute value");
      ++i;
      if (!e.attrs.emplace(key, value).second) return fail("a duplicate attribute " + key);
    }
    for (;;) {  // content
      if (i >= s.size()) return fail("</" + e.name + "> missing");
      if (starts("</")) {
        i += 2;
        std::string closing;
        if (!name(closing)) return false;
        if (closing != e.name) return fail("</" + closing + "> closes <" + e.name + ">");
        skip_space();
        if (i >= s.size() || s[i] != '>') return fail("'>' expected");
        return ++i, true;
      }
      if (starts("<!--")) {
        if (!comment()) return false;
      } else if (starts("<![CDATA[") || starts("<!") || starts("<?")) {
        return fail("CDATA, declarations and processing instructions are not expected in content");
      } else if (s[i] == '<') {
        auto child = std::make_unique<Element>();
        if (!element(*child, depth + 1)) return false;
        e.children.push_back(std::move(child));
      } else if (s[i] == '&') {
        if (!reference(e.text)) return false;
      } else {
        if (starts("]]>")) return fail("\"]]>\" in character data");
        e.text += s[i++];
      }
    }
  }
};

}  // namespace detail

/// Reads `text` as an XML document (an optional <?xml …?> declaration, comments, one root).
inline Document parse(std::string_view text) {
  Document doc;
  auto failed = [&doc](std::string why) {
    doc.root.reset();
    doc.error = std::move(why);
    return std::move(doc);
  };
  size_t bad = 0;
  if (!detail::valid_utf8(text, bad)) return failed("not UTF-8 (or a control character) at byte " + std::to_string(bad));
  detail::Reader r{text};
  if (r.starts("<?xml")) {
    const size_t end = text.find("?>");
    if (end == std::string_view::npos) return failed("an unclosed XML declaration");
    r.i = end + 2;
  }
  if (!r.misc()) return failed(r.error);
  if (r.starts("<!DOCTYPE")) return failed("a DTD is not expected");
  if (r.i >= text.size() || text[r.i] != '<') return failed("no root element");
  doc.root = std::make_unique<Element>();
  if (!r.element(*doc.root, 0) || !r.misc()) return failed(r.error);
  if (r.i != text.size()) return failed("content after the root element at byte " + std::to_string(r.i));
  return doc;
}

}  // namespace test::xml
