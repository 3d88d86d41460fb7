// Checks on what the app drew (app::Probe's text records), shared by the UI tests: what a person
// sees is there, readable, and whole. Each returns the problems it found, one line each, so a test
// can print them all (empty: none).
#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "app/probe.h"

namespace probe_checks {

struct Box {
  float x0, y0, x1, y1;
  bool empty() const { return x1 - x0 <= 0.5f || y1 - y0 <= 0.5f; }
};

/// The part of the text that can be seen (inside its clip rectangle).
inline Box visible(const app::TextRect& t) {
  return {std::max(t.x, t.clip_x0), std::max(t.y, t.clip_y0), std::min(t.x + t.w, t.clip_x1),
          std::min(t.y + t.h, t.clip_y1)};
}

inline std::string describe(const app::TextRect& t) {
  return "[" + t.widget + "] \"" + t.text + "\" at (" + std::to_string(static_cast<int>(t.x)) + ", " +
         std::to_string(static_cast<int>(t.y)) + ") " + std::to_string(static_cast<int>(t.w)) + "×" +
         std::to_string(static_cast<int>(t.h));
}

/// Two visible texts overlap by more than `slack` pixels each way (within a widget or across).
inline std::vector<std::string> overlaps(const std::vector<app::TextRect>& texts, float slack = 1.0f) {
  std::vector<std::string> out;
  std::vector<Box> boxes;
  for (const auto& t : texts) boxes.push_back(visible(t));
  for (size_t i = 0; i < texts.size(); ++i) {
    if (boxes[i].empty()) continue;
    for (size_t j = i + 1; j < texts.size(); ++j) {
      if (boxes[j].empty()) continue;
      const float w = std::min(boxes[i].x1, boxes[j].x1) - std::max(boxes[i].x0, boxes[j].x0);
      const float h = std::min(boxes[i].y1, boxes[j].y1) - std::max(boxes[i].y0, boxes[j].y0);
      if (w > slack && h > slack) out.push_back("overlap: " + describe(texts[i]) + " and " + describe(texts[j]));
    }
  }
  return out;
}

/// A visible text cut off on the left or right by its clip rectangle (its panel, a cell, a
/// scrolling region): a cut number reads as another number. Vertical cut-off (a row half
/// scrolled out of view) is fine.
inline std::vector<std::string> cut_horizontally(const std::vector<app::TextRect>& texts) {
  std::vector<std::string> out;
  constexpr float e = 0.5f;
  for (const auto& t : texts) {
    if (visible(t).empty()) continue;
    if (t.x < t.clip_x0 - e || t.x + t.w > t.clip_x1 + e)
      out.push_back("cut off: " + describe(t) + " clip x " + std::to_string(static_cast<int>(t.clip_x0)) + "…" +
                    std::to_string(static_cast<int>(t.clip_x1)));
  }
  return out;
}

/// A "?" placeholder where a value should be.
inline std::vector<std::string> placeholders(const std::vector<app::TextRect>& texts) {
  std::vector<std::string> out;
  for (const auto& t : texts)
    if (!visible(t).empty() && (t.text == "?" || t.text.find("= ?") != std::string::npos))
      out.push_back("placeholder: " + describe(t));
  return out;
}

/// TeX that should have been drawn as notation: "_{", "^{", "^T", "_1".
inline std::vector<std::string> raw_tex(const std::vector<app::TextRect>& texts) {
  std::vector<std::string> out;
  for (const auto& t : texts)
    for (const char* tex : {"_{", "^{", "^T", "_0", "_1", "_2"})
      if (t.text.find(tex) != std::string::npos) {
        out.push_back("raw TeX: " + describe(t));
        break;
      }
  return out;
}

/// Whether some visible text of `widget` ("" = any) contains `needle`.
inline bool shows(const std::vector<app::TextRect>& texts, std::string_view needle, std::string_view widget = "") {
  for (const auto& t : texts)
    if ((widget.empty() || t.widget == widget) && !visible(t).empty() && t.text.find(needle) != std::string::npos)
      return true;
  return false;
}

/// Every one of `needles` shown; the missing ones.
inline std::vector<std::string> missing(const std::vector<app::TextRect>& texts, const std::vector<std::string>& needles,
                                        std::string_view widget = "") {
  std::vector<std::string> out;
  for (const auto& n : needles)
    if (!shows(texts, n, widget)) out.push_back("missing: \"" + n + "\"" + (widget.empty() ? "" : " in " + std::string(widget)));
  return out;
}

/// All of the above that hold for every screen: no overlap, nothing cut off, no placeholder.
inline std::vector<std::string> layout_problems(const std::vector<app::TextRect>& texts) {
  std::vector<std::string> out = overlaps(texts);
  for (auto& p : cut_horizontally(texts)) out.push_back(std::move(p));
  for (auto& p : placeholders(texts)) out.push_back(std::move(p));
  return out;
}

}  // namespace probe_checks
