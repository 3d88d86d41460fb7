// backprop-cli key: the worked solution of a state (or, with --blank, the sheet to fill in). An
// answer sheet is read too: its state is used, and its "student" and "layout" unless overridden.
// Without FILE but with --student (and --course) or --seed, the exercise is that variant.
#include <filesystem>
#include <fstream>
#include <ostream>

#include "cli.h"
#include "coursework/answer_key.h"
#include "coursework/sheet_json.h"
#include "coursework/student_variant.h"
#include "engine/state_json.h"

namespace cli {

int key(const Args& args, Io io) {
  bool path_given = false;
  std::string path = "-", course, output_dir;
  bool course_given = false, seed_given = false;
  std::optional<bp::WeightLayout> layout;
  bp::KeyOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format") {
      auto v = option_value(args, i, "markdown or latex");
      if (!v) return fail(io, v.error());
      if (v.value() == "markdown") options.format = bp::KeyFormat::Markdown;
      else if (v.value() == "latex") options.format = bp::KeyFormat::Latex;
      else return fail(io, {"--format", "unknown value \"" + v.value() + "\"; expected markdown or latex"});
    } else if (a == "--blank") {
      options.blank = true;
    } else if (a == "--hide-hints") {
      options.hide_hints = true;
    } else if (a == "--layout") {
      auto l = layout_option(args, i);
      if (!l) return fail(io, l.error());
      layout = l.value();
    } else if (a == "--lang") {
      if (auto e = lang_option(args, i)) return fail(io, *e);
    } else if (a == "--student" || a == "--course" || a == "--output") {
      auto v = option_value(args, i, a == "--student" ? "a student ID" : a == "--course" ? "the course's secret key" : "a folder");
      if (!v) return fail(io, v.error());
      if (a == "--student") {
        if (auto e = bp::check_student_id(v.value())) return fail(io, {"--student", e->reason});
        options.student = v.value();
      } else if (a == "--course") {
        course = v.value(), course_given = true;
      } else {
        output_dir = v.value();
      }
    } else if (a == "--seed") {
      auto v = option_value(args, i, "a non-negative integer");
      if (!v) return fail(io, v.error());
      auto n = parse_unsigned(a, v.value());
      if (!n) return fail(io, n.error());
      options.seed = n.value(), seed_given = true;
    } else if (a.size() > 1 && a[0] == '-') {
      return fail(io, {a, "unknown option; see backprop-cli --help"});
    } else if (auto e = set_path("key", a, path, path_given)) {
      return fail(io, *e);
    }
  }
  if (seed_given && !options.student.empty()) return fail(io, {"--student", "and --seed exclude each other; give one"});
  if (course_given && (options.student.empty() || path_given))
    return fail(io, {"--course", "derives a student's exercise: give --student ID and no FILE"});

  std::optional<bp::State> state;
  if (!path_given && (!options.student.empty() || seed_given)) {  // the variant itself
    auto made = seed_given ? bp::make_variant(*options.seed) : bp::make_student_variant(options.student, course);
    if (!made) return fail(io, made.error());
    state = made.value();
  } else {
    auto sheet = read_state_or_sheet(path, io);
    if (!sheet) return fail(io, sheet.error());
    state = sheet.value().state;  // an answer sheet's student and layout too
    if (options.student.empty() && !seed_given) options.student = sheet.value().student;
    if (!layout) layout = sheet.value().layout;
  }
  options.layout = layout.value_or(bp::WeightLayout::RowMajor);
  const std::string document = bp::answer_key(*state, options);
  if (output_dir.empty()) {
    io.out << document;
    return 0;
  }
  // --output DIR: the file under its handout name; its path on stdout
  const std::filesystem::path file = std::filesystem::path(output_dir) / bp::handout_file_name(options);
  std::ofstream out(file, std::ios::binary);
  if (!(out << document)) return fail(io, {"--output", "cannot write " + file.string()});
  io.out << file.string() << "\n";
  return 0;
}

}  // namespace cli
