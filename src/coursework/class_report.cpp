// [SECTION] statistics, [SECTION] SVG charts, [SECTION] HTML, [SECTION] Markdown.
// Colours: the Okabe–Ito palette (colour-blind safe), the app's green ✓ and vermilion ✗.
#include "coursework/class_report.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "coursework/gradebook.h"
#include "coursework/text_escape.h"
#include "coursework/words.h"
#include "engine/number_format.h"

namespace bp {
namespace {

// [SECTION] statistics

struct Mistake1 {
  int count;
  std::string name;
  const CellStats* cell;
};

// every (cell, mistake) of the class, most frequent first
std::vector<Mistake1> ranked_mistakes(const ClassStats& s) {
  std::vector<Mistake1> out;
  for (const CellStats& c : s.cells)
    for (const auto& m : c.mistakes) out.push_back({m.second, m.first, &c});
  std::stable_sort(out.begin(), out.end(), [](const Mistake1& a, const Mistake1& b) { return a.count > b.count; });
  return out;
}

std::string score_text(double x) { return format_number(x, 3); }

// a mistake code in words: "flatten_order" → "flatten order" (English), "펼치는 순서" (Korean)
std::string mistake_words(const std::string& name) {
  static const std::map<std::string, Msg> words = {
      {"shape", Msg::report_mistake_shape},
      {"transposed", Msg::report_mistake_transposed},
      {"flatten_order", Msg::report_mistake_flatten_order},
      {"sign_flipped", Msg::report_mistake_sign_flipped},
      {"scaled", Msg::report_mistake_scaled},
      {"relu_mask", Msg::report_mistake_relu_mask},
      {"softmax_diagonal_only", Msg::report_mistake_softmax_diagonal_only},
      {"label_ignored", Msg::report_mistake_label_ignored},
      {"unknown", Msg::report_mistake_unknown}};
  const auto it = words.find(name);
  return it == words.end() ? name : say(it->second);
}

// the report's sentences: each number in HTML as <b data-n="name">n</b> (what tests and scripts
// read), in Markdown as it is
using Numbers = std::vector<std::pair<std::string, std::string>>;
std::string sentence(Msg m, const Numbers& numbers, bool html) {
  std::string text = html ? html_escape(say(m)) : std::string(say(m));
  for (const auto& [name, value] : numbers)
    text = lang::fill(std::move(text), {{name, html ? "<b data-n=\"" + name + "\">" + value + "</b>" : value}});
  return text;
}

Numbers summary_numbers(const ClassStats& s) {
  return {{"sheets", std::to_string(s.sheets)},          {"graded", std::to_string(s.graded)},
          {"unreadable", std::to_string(s.unreadable)},  {"missing", std::to_string(s.missing)},
          {"edited", std::to_string(s.edited)},          {"copied_exercise", std::to_string(s.copied_exercise)},
          {"no_student", std::to_string(s.no_student)},  {"possible_copies", std::to_string(s.possible_copies)}};
}
Numbers score_numbers(const ClassStats& s) {
  return {{"mean", score_text(s.mean)}, {"median", score_text(s.median)}, {"min", score_text(s.min)},
          {"max", score_text(s.max)},   {"graded_sheets", std::to_string(s.graded)}};
}

// "40 % transposed (4)": a cell's mistakes, most of the table's last text column
std::string cell_mistakes(const CellStats& c) {
  std::string out;
  for (const auto& m : c.mistakes)
    out += (out.empty() ? "" : ", ") + percent_text(m.second, c.answered) + " " + mistake_words(m.first) + " (" +
           std::to_string(m.second) + ")";
  return out;
}

constexpr Msg kCellColumns[] = {Msg::report_col_cell,     Msg::report_col_quantity, Msg::report_col_answered,
                                Msg::report_col_right,    Msg::report_col_consistent, Msg::report_col_mistakes,
                                Msg::report_col_empty,    Msg::report_col_unreadable, Msg::report_col_first_wrong};

// [SECTION] SVG charts

const char* mistake_colour(const std::string& name) {
  static const std::map<std::string, const char*> colours = {
      {"transposed", "#e69f00"}, {"flatten_order", "#f0e442"}, {"sign_flipped", "#cc79a7"},
      {"scaled", "#0072b2"},     {"relu_mask", "#d55e00"},     {"softmax_diagonal_only", "#882255"},
      {"label_ignored", "#44aa99"}, {"shape", "#999933"},      {"unknown", "#555555"}};
  const auto it = colours.find(name);
  return it == colours.end() ? "#555555" : it->second;
}

std::string histogram_svg(const ClassStats& s) {
  const int w = 560, h = 220, left = 40, bottom = 30, bar = (w - left) / 10;
  const int top = *std::max_element(s.bins.begin(), s.bins.end());
  std::ostringstream svg;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << w << "\" height=\"" << h << "\" viewBox=\"0 0 " << w << " "
      << h << "\" role=\"img\" aria-label=\"" << html_escape(say(Msg::report_scores_chart)) << "\">\n";
  for (int i = 0; i < 10; ++i) {
    const double bh = top ? (h - bottom - 20) * static_cast<double>(s.bins[i]) / top : 0;
    const double x = left + i * bar, y = h - bottom - bh;
    svg << "<rect x=\"" << x + 2 << "\" y=\"" << y << "\" width=\"" << bar - 4 << "\" height=\"" << bh
        << "\" fill=\"#0072b2\"><title>" << i * 10 << "–" << (i + 1) * 10 << " %: " << s.bins[i] << " sheets</title></rect>\n"
        << "<text x=\"" << x + bar / 2.0 << "\" y=\"" << y - 4 << "\" text-anchor=\"middle\" font-size=\"12\">" << s.bins[i]
        << "</text>\n<text x=\"" << x + bar / 2.0 << "\" y=\"" << h - bottom + 16
        << "\" text-anchor=\"middle\" font-size=\"11\">" << i * 10 << "–" << (i + 1) * 10 << "</text>\n";
  }
  svg << "<line x1=\"" << left << "\" y1=\"" << h - bottom << "\" x2=\"" << w << "\" y2=\"" << h - bottom
      << "\" stroke=\"#333\"/>\n<text x=\"4\" y=\"14\" font-size=\"11\">sheets</text>\n</svg>";
  return svg.str();
}

// one stacked bar per cell: right, consistent, each mistake, unreadable, empty
std::string cells_svg(const ClassStats& s) {
  const int label_w = 150, bar_w = 480, row_h = 22, w = label_w + bar_w + 10;
  const int h = row_h * static_cast<int>(s.cells.size()) + 10;
  std::ostringstream svg;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << w << "\" height=\"" << h << "\" viewBox=\"0 0 " << w << " "
      << h << "\" role=\"img\" aria-label=\"" << html_escape(say(Msg::report_cells_heading)) << "\">\n";
  int y = 5;
  for (const CellStats& c : s.cells) {
    const int total = std::max(1, s.graded);
    svg << "<text x=\"" << label_w - 6 << "\" y=\"" << y + 15 << "\" text-anchor=\"end\" font-size=\"12\">"
        << html_escape(c.notation) << "</text>\n";
    double x = label_w;
    auto segment = [&](int n, const char* colour, const std::string& what) {
      if (n == 0) return;
      const double sw = bar_w * static_cast<double>(n) / total;
      svg << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << sw << "\" height=\"" << row_h - 4 << "\" fill=\""
          << colour << "\"><title>" << html_escape(c.notation) << ": " << n << " " << html_escape(what) << "</title></rect>\n";
      x += sw;
    };
    segment(c.ok, "#009e73", say(Msg::report_col_right));
    segment(c.consistent, "#56b4e9", say(Msg::report_consistent_long));
    for (const auto& m : c.mistakes) segment(m.second, mistake_colour(m.first), mistake_words(m.first));
    segment(c.unreadable, "#000000", say(Msg::report_col_unreadable));
    segment(c.empty, "#dddddd", say(Msg::report_col_empty));
    y += row_h;
  }
  svg << "</svg>";
  return svg.str();
}

// the colours of the cells chart, for the classes that occur
std::string legend(const ClassStats& s) {
  std::map<std::string, int> seen;
  for (const CellStats& c : s.cells)
    for (const auto& m : c.mistakes) seen[m.first] += m.second;
  auto key = [](const char* colour, const std::string& what) {
    return "<span style=\"display:inline-block;width:.9em;height:.9em;background:" + std::string(colour) +
           ";margin:0 .3em 0 1em;vertical-align:middle\"></span>" + html_escape(what);
  };
  std::string out = key("#009e73", say(Msg::report_col_right)) + key("#56b4e9", say(Msg::report_col_consistent));
  for (const auto& m : seen) out += key(mistake_colour(m.first), mistake_words(m.first));
  return out + key("#000000", say(Msg::report_col_unreadable)) + key("#dddddd", say(Msg::report_col_empty));
}

}  // namespace

// [SECTION] statistics (public)

std::string percent_text(int count, int n) {
  return std::to_string(n ? static_cast<int>(std::lround(100.0 * count / n)) : 0) + " %";
}

ClassStats class_stats(const std::vector<GradeRow>& rows) {
  ClassStats s;
  const std::vector<std::string> columns = gradebook_columns(rows);
  std::map<std::string, size_t> index;
  for (const std::string& k : columns) {
    index[k] = s.cells.size();
    s.cells.push_back({k, "", 0, 0, 0, 0, 0, {}, 0});
  }
  for (const GradeRow& r : rows) {
    ++s.sheets;
    if (r.status == RowStatus::Unreadable) ++s.unreadable;
    if (r.status == RowStatus::Missing) ++s.missing;
    if (r.status != RowStatus::Graded) continue;
    ++s.graded;
    s.edited += r.state_flag == "edited";
    s.copied_exercise += r.state_flag == "copied_exercise";
    s.no_student += r.state_flag == "no_student";
    s.possible_copies += !r.copies.empty();
    const double pct = r.max_score > 0 ? 100 * r.score / r.max_score : 0;
    s.percents.push_back(pct);
    s.bins[std::min(9, static_cast<int>(pct / 10))]++;
    for (const CellGrade& c : r.cells) {
      CellStats& cs = s.cells[index[c.key]];
      if (cs.notation.empty()) cs.notation = c.notation;
      if (c.verdict == "empty") ++cs.empty;
      else if (c.verdict == "unreadable") ++cs.unreadable;
      else {
        ++cs.answered;
        if (c.verdict == "ok") ++cs.ok;
        else if (c.verdict == "consistent") ++cs.consistent;
        else ++cs.mistakes[c.verdict];
      }
    }
    if (!r.first_wrong.empty() && index.count(r.first_wrong)) ++s.cells[index[r.first_wrong]].first_wrong;
  }
  if (!s.percents.empty()) {
    std::vector<double> sorted = s.percents;
    std::sort(sorted.begin(), sorted.end());
    const size_t n = sorted.size();
    s.min = sorted.front();
    s.max = sorted.back();
    s.median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    double sum = 0;
    for (double p : sorted) sum += p;
    s.mean = sum / static_cast<double>(n);
  }
  return s;
}

// [SECTION] HTML

std::string class_report_html(const std::vector<GradeRow>& rows) {
  const ClassStats s = class_stats(rows);
  const std::string title = html_escape(say(Msg::report_title));
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"" << lang::lang_code(lang::language()) << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
    << title << "</title>\n"
       "<style>\nbody{font-family:'DejaVu Sans','Noto Sans CJK KR','NanumGothic',Arial,sans-serif;max-width:60em;margin:2em auto;"
       "padding:0 1em;color:#222}\n"
       "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.25em .6em;text-align:right}\n"
       "td:first-child,th:first-child,td.text{text-align:left}caption{text-align:left;font-weight:bold}\n"
       ".big{font-size:1.3em}\n</style>\n</head>\n<body>\n<h1>"
    << title << "</h1>\n";
  h << "<p id=\"summary\">" << sentence(Msg::report_summary, summary_numbers(s), true) << "</p>\n";

  h << "<h2>" << html_escape(say(Msg::report_wrong_heading)) << "</h2>\n<ol id=\"top\">\n";
  const auto ranked = ranked_mistakes(s);
  for (size_t i = 0; i < ranked.size() && i < 8; ++i) {
    const Mistake1& m = ranked[i];
    h << "<li class=\"big\">" << percent_text(m.count, m.cell->answered) << " " << html_escape(mistake_words(m.name)) << " "
      << html_escape(m.cell->notation) << " <small>("
      << lang::fill(html_escape(say(Msg::report_who_answered)), {{"count", std::to_string(m.count)},
                                                                 {"answered", std::to_string(m.cell->answered)},
                                                                 {"cell", "<code>" + html_escape(m.cell->key) + "</code>"}})
      << ")</small></li>\n";
  }
  if (ranked.empty()) h << "<li>" << html_escape(say(Msg::report_no_mistakes)) << "</li>\n";
  h << "</ol>\n<h2>" << html_escape(say(Msg::report_cells_heading)) << "</h2>\n" << cells_svg(s) << "\n<p class=\"legend\">"
    << legend(s) << "</p>\n<table id=\"cells\">\n<tr>";
  for (Msg column : kCellColumns) h << "<th>" << html_escape(say(column)) << "</th>";
  h << "</tr>\n";
  for (const CellStats& c : s.cells)
    h << "<tr data-cell=\"" << html_escape(c.key) << "\"><td><code>" << html_escape(c.key) << "</code></td><td class=\"text\">"
      << html_escape(c.notation) << "</td><td data-n=\"answered\">" << c.answered << "</td><td data-n=\"ok\">" << c.ok
      << "</td><td data-n=\"consistent\">" << c.consistent << "</td><td class=\"text\">" << html_escape(cell_mistakes(c))
      << "</td><td data-n=\"empty\">" << c.empty << "</td><td data-n=\"unreadable\">" << c.unreadable
      << "</td><td data-n=\"first_wrong\">" << c.first_wrong << "</td></tr>\n";
  h << "</table>\n<h2>" << html_escape(say(Msg::report_scores_heading)) << "</h2>\n<p id=\"scores\">"
    << sentence(Msg::report_scores, score_numbers(s), true) << "</p>\n"
    << histogram_svg(s) << "\n<table id=\"bins\">\n<tr><th>" << html_escape(say(Msg::report_col_score)) << "</th><th>"
    << html_escape(say(Msg::report_col_sheets)) << "</th></tr>\n";
  for (int i = 0; i < 10; ++i)
    h << "<tr><td>" << i * 10 << "–" << (i + 1) * 10 << " %</td><td data-n=\"bin" << i << "\">" << s.bins[i] << "</td></tr>\n";
  h << "</table>\n</body>\n</html>\n";
  return h.str();
}

// [SECTION] Markdown

std::string class_report_markdown(const std::vector<GradeRow>& rows) {
  const ClassStats s = class_stats(rows);
  std::ostringstream m;
  m << "# " << say(Msg::report_title) << "\n\n" << sentence(Msg::report_summary, summary_numbers(s), false) << "\n\n## "
    << say(Msg::report_wrong_heading) << "\n\n";
  const auto ranked = ranked_mistakes(s);
  for (size_t i = 0; i < ranked.size() && i < 8; ++i)
    m << i + 1 << ". " << percent_text(ranked[i].count, ranked[i].cell->answered) << " "
      << markdown_escape(mistake_words(ranked[i].name)) << " " << markdown_escape(ranked[i].cell->notation) << " ("
      << sayf(Msg::report_who_answered, {{"count", std::to_string(ranked[i].count)},
                                         {"answered", std::to_string(ranked[i].cell->answered)},
                                         {"cell", "`" + ranked[i].cell->key + "`"}})
      << ")\n";
  if (ranked.empty()) m << say(Msg::report_no_mistakes) << "\n";
  m << "\n## " << say(Msg::report_cells_heading) << "\n\n|";
  for (Msg column : kCellColumns) m << " " << say(column) << " |";
  m << "\n|---|---|---:|---:|---:|---|---:|---:|---:|\n";
  for (const CellStats& c : s.cells)
    m << "| `" << c.key << "` | " << markdown_escape(c.notation) << " | " << c.answered << " | " << c.ok << " | "
      << c.consistent << " | " << markdown_escape(cell_mistakes(c)) << " | " << c.empty << " | " << c.unreadable << " | "
      << c.first_wrong << " |\n";
  m << "\n## " << say(Msg::report_scores_heading) << "\n\n" << sentence(Msg::report_scores, score_numbers(s), false)
    << "\n\n| " << say(Msg::report_col_score) << " | " << say(Msg::report_col_sheets) << " |\n|---|---:|\n";
  for (int i = 0; i < 10; ++i) m << "| " << i * 10 << "–" << (i + 1) * 10 << " % | " << s.bins[i] << " |\n";
  return m.str();
}

}  // namespace bp
