// [SECTION] statistics, [SECTION] SVG charts, [SECTION] HTML, [SECTION] Markdown.
// Colours: the Okabe–Ito palette (colour-blind safe), the app's green ✓ and vermilion ✗.
#include "coursework/class_report.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "coursework/gradebook.h"
#include "coursework/text_escape.h"
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

// "transposed" → "transposed", "flatten_order" → "flatten order"
std::string mistake_words(std::string name) {
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

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
      << h << "\" role=\"img\" aria-label=\"score distribution\">\n";
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
      << h << "\" role=\"img\" aria-label=\"verdicts by cell\">\n";
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
    segment(c.ok, "#009e73", "right");
    segment(c.consistent, "#56b4e9", "consistent with their earlier values");
    for (const auto& m : c.mistakes) segment(m.second, mistake_colour(m.first), mistake_words(m.first));
    segment(c.unreadable, "#000000", "unreadable");
    segment(c.empty, "#dddddd", "empty");
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
  std::string out = key("#009e73", "right") + key("#56b4e9", "consistent");
  for (const auto& m : seen) out += key(mistake_colour(m.first), mistake_words(m.first));
  return out + key("#000000", "unreadable") + key("#dddddd", "empty");
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
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Backprop exercise: class report</title>\n"
       "<style>\nbody{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}\n"
       "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.25em .6em;text-align:right}\n"
       "td:first-child,th:first-child,td.text{text-align:left}caption{text-align:left;font-weight:bold}\n"
       ".big{font-size:1.3em}\n</style>\n</head>\n<body>\n<h1>Backprop exercise: class report</h1>\n";
  h << "<p id=\"summary\">Sheets: <b data-n=\"sheets\">" << s.sheets << "</b>; graded <b data-n=\"graded\">" << s.graded
    << "</b>, unreadable <b data-n=\"unreadable\">" << s.unreadable << "</b>, missing <b data-n=\"missing\">" << s.missing
    << "</b>. Exercise not the student's own: edited <b data-n=\"edited\">" << s.edited
    << "</b>, another student's <b data-n=\"copied_exercise\">" << s.copied_exercise << "</b>, no student ID <b data-n=\"no_student\">"
    << s.no_student << "</b>. Wrong answers identical to another sheet's: <b data-n=\"possible_copies\">" << s.possible_copies
    << "</b>.</p>\n";

  h << "<h2>What the class got wrong</h2>\n<ol id=\"top\">\n";
  const auto ranked = ranked_mistakes(s);
  for (size_t i = 0; i < ranked.size() && i < 8; ++i) {
    const Mistake1& m = ranked[i];
    h << "<li class=\"big\">" << percent_text(m.count, m.cell->answered) << " " << html_escape(mistake_words(m.name)) << " "
      << html_escape(m.cell->notation) << " <small>(" << m.count << " of " << m.cell->answered << " who answered <code>"
      << html_escape(m.cell->key) << "</code>)</small></li>\n";
  }
  if (ranked.empty()) h << "<li>No mistakes.</li>\n";
  h << "</ol>\n<h2>Verdicts by cell</h2>\n" << cells_svg(s) << "\n<p class=\"legend\">" << legend(s)
    << "</p>\n<table id=\"cells\">\n<tr><th>cell</th><th>quantity</th>"
    << "<th>answered</th><th>right</th><th>consistent</th><th>mistakes</th><th>empty</th><th>unreadable</th>"
       "<th>first wrong here</th></tr>\n";
  for (const CellStats& c : s.cells) {
    std::string mistakes;
    for (const auto& m : c.mistakes)
      mistakes += (mistakes.empty() ? "" : ", ") + percent_text(m.second, c.answered) + " " + mistake_words(m.first) +
                  " (" + std::to_string(m.second) + ")";
    h << "<tr data-cell=\"" << html_escape(c.key) << "\"><td><code>" << html_escape(c.key) << "</code></td><td class=\"text\">"
      << html_escape(c.notation) << "</td><td data-n=\"answered\">" << c.answered << "</td><td data-n=\"ok\">" << c.ok
      << "</td><td data-n=\"consistent\">" << c.consistent << "</td><td class=\"text\">" << html_escape(mistakes)
      << "</td><td data-n=\"empty\">" << c.empty << "</td><td data-n=\"unreadable\">" << c.unreadable
      << "</td><td data-n=\"first_wrong\">" << c.first_wrong << "</td></tr>\n";
  }
  h << "</table>\n<h2>Scores</h2>\n<p id=\"scores\">Mean <b data-n=\"mean\">" << score_text(s.mean) << "</b> %, median <b data-n=\"median\">"
    << score_text(s.median) << "</b> %, lowest <b data-n=\"min\">" << score_text(s.min) << "</b> %, highest <b data-n=\"max\">"
    << score_text(s.max) << "</b> % of the points, over " << s.graded << " graded sheets.</p>\n"
    << histogram_svg(s) << "\n<table id=\"bins\">\n<tr><th>score</th><th>sheets</th></tr>\n";
  for (int i = 0; i < 10; ++i)
    h << "<tr><td>" << i * 10 << "–" << (i + 1) * 10 << " %</td><td data-n=\"bin" << i << "\">" << s.bins[i] << "</td></tr>\n";
  h << "</table>\n</body>\n</html>\n";
  return h.str();
}

// [SECTION] Markdown

std::string class_report_markdown(const std::vector<GradeRow>& rows) {
  const ClassStats s = class_stats(rows);
  std::ostringstream m;
  m << "# Backprop exercise: class report\n\nSheets: " << s.sheets << "; graded " << s.graded << ", unreadable "
    << s.unreadable << ", missing " << s.missing << ". Exercise not the student's own: edited " << s.edited
    << ", another student's " << s.copied_exercise << ", no student ID " << s.no_student
    << ". Wrong answers identical to another sheet's: " << s.possible_copies << ".\n\n## What the class got wrong\n\n";
  const auto ranked = ranked_mistakes(s);
  for (size_t i = 0; i < ranked.size() && i < 8; ++i)
    m << i + 1 << ". " << percent_text(ranked[i].count, ranked[i].cell->answered) << " "
      << markdown_escape(mistake_words(ranked[i].name)) << " " << markdown_escape(ranked[i].cell->notation) << " ("
      << ranked[i].count << " of " << ranked[i].cell->answered << " who answered `" << ranked[i].cell->key << "`)\n";
  if (ranked.empty()) m << "No mistakes.\n";
  m << "\n## Verdicts by cell\n\n| cell | quantity | answered | right | consistent | mistakes | empty | unreadable | first wrong here |\n"
       "|---|---|---:|---:|---:|---|---:|---:|---:|\n";
  for (const CellStats& c : s.cells) {
    std::string mistakes;
    for (const auto& x : c.mistakes)
      mistakes += (mistakes.empty() ? "" : ", ") + percent_text(x.second, c.answered) + " " + mistake_words(x.first) + " (" +
                  std::to_string(x.second) + ")";
    m << "| `" << c.key << "` | " << markdown_escape(c.notation) << " | " << c.answered << " | " << c.ok << " | "
      << c.consistent << " | " << markdown_escape(mistakes) << " | " << c.empty << " | " << c.unreadable << " | "
      << c.first_wrong << " |\n";
  }
  m << "\n## Scores\n\nMean " << score_text(s.mean) << " %, median " << score_text(s.median) << " %, lowest "
    << score_text(s.min) << " %, highest " << score_text(s.max) << " % of the points, over " << s.graded
    << " graded sheets.\n\n| score | sheets |\n|---|---:|\n";
  for (int i = 0; i < 10; ++i) m << "| " << i * 10 << "–" << (i + 1) * 10 << " % | " << s.bins[i] << " |\n";
  return m.str();
}

}  // namespace bp
