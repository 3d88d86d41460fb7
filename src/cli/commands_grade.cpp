// backprop-cli grade: many answer sheets (files, folders, zip archives of a course's submissions)
// graded into one gradebook; and the argument handling `report` shares with it.
// Exit status: 0 every sheet could be read, 1 some could not (each has a row saying why), 2 invalid
// invocation (no sheets, a bad option or points file).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ostream>

#include "cli.h"
#include "coursework/gradebook.h"
#include "coursework/zip_read.h"

namespace cli {
namespace {

namespace fs = std::filesystem;

constexpr int kSomeUnreadable = 1;

bool ends_with(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  std::string tail = s.substr(s.size() - suffix.size());
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == suffix;
}

void add_zip(const std::string& path, std::vector<bp::GradeDocument>& out, Io io) {
  const auto bytes = read_all(path, io);
  if (!bytes) return out.push_back({path, std::nullopt, bytes.error().reason});
  const auto entries = bp::read_zip(bytes.value());
  if (!entries) return out.push_back({path, std::nullopt, entries.error().reason});
  for (const bp::ZipEntry& e : entries.value()) {
    const std::string base = e.name.substr(e.name.find_last_of('/') + 1);
    if (!ends_with(e.name, ".json") || e.name.rfind("__MACOSX/", 0) == 0 || base.rfind('.', 0) == 0) continue;
    if (e.error.empty()) out.push_back({path + ":" + e.name, e.data, ""});
    else out.push_back({path + ":" + e.name, std::nullopt, e.error});
  }
}

void add_file(const std::string& path, std::vector<bp::GradeDocument>& out, Io io) {
  if (ends_with(path, ".zip")) return add_zip(path, out, io);
  const auto text = read_all(path, io);
  if (text) out.push_back({path, text.value(), ""});
  else out.push_back({path, std::nullopt, text.error().reason});
}

}  // namespace

std::vector<bp::GradeDocument> collect_sheets(const std::vector<std::string>& paths, Io io) {
  std::vector<bp::GradeDocument> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      out.push_back({p, std::nullopt, "does not exist"});
    } else if (fs::is_directory(p, ec)) {  // every .json and .zip below it, in name order
      std::vector<std::string> files;
      for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && (ends_with(it->path().string(), ".json") || ends_with(it->path().string(), ".zip")))
          files.push_back(it->path().string());
      if (ec) out.push_back({p, std::nullopt, "cannot be listed (" + ec.message() + ")"});
      std::sort(files.begin(), files.end());
      for (const std::string& f : files) add_file(f, out, io);
    } else {
      add_file(p, out, io);
    }
  }
  return out;
}

std::optional<int> grade_option(const Args& args, size_t& i, GradeRun& run, Io io) {
  const std::string& a = args[i];
  if (a == "--course") {
    auto v = option_value(args, i, "the course's secret key");
    if (!v) return fail(io, v.error());
    run.options.course = v.value();
  } else if (a == "--points") {
    auto v = option_value(args, i, "a JSON points file");
    if (!v) return fail(io, v.error());
    const auto text = read_all(v.value(), io);
    if (!text) return fail(io, text.error());
    auto points = bp::parse_points(text.value());
    if (!points) return fail(io, points.error());
    run.options.points = points.value();
  } else if (a == "--layout") {
    auto l = layout_option(args, i);
    if (!l) return fail(io, l.error());
    run.options.check.layout = l.value();
  } else if (a == "--lang") {
    if (auto e = lang_option(args, i)) return fail(io, *e);
  } else if (a == "--tolerance") {
    auto t = tolerance_option(args, i);
    if (!t) return fail(io, t.error());
    run.options.check.tolerance = t.value();
  } else if (a.size() > 1 && a[0] == '-') {
    return fail(io, {a, "unknown option; see backprop-cli --help"});
  } else {
    run.paths.push_back(a);
  }
  return std::nullopt;
}

int grade(const Args& args, Io io) {
  GradeRun run;
  std::string format = "csv";
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format") {
      auto v = option_value(args, i, "csv or json");
      if (!v) return fail(io, v.error());
      format = v.value();
      if (format != "csv" && format != "json") return fail(io, {"--format", "unknown value \"" + format + "\"; expected csv or json"});
    } else if (auto status = grade_option(args, i, run, io)) {
      return *status;
    }
  }
  std::vector<bp::GradeRow> rows;
  const int status = grade_run(run, "grade", rows, io);
  if (status != kInvalidInput) io.out << (format == "json" ? bp::gradebook_json(rows) + "\n" : bp::gradebook_csv(rows));
  return status;
}

int grade_run(const GradeRun& run, const std::string& what, std::vector<bp::GradeRow>& rows, Io io) {
  if (run.paths.empty()) return fail(io, {"SHEETS", "give the answer sheets to " + what + ": files, folders or zip archives"});
  rows = bp::grade_sheets(collect_sheets(run.paths, io), run.options);
  const bool all_read = std::all_of(rows.begin(), rows.end(), [](const bp::GradeRow& r) { return r.status == bp::RowStatus::Graded; });
  return all_read ? 0 : kSomeUnreadable;
}

}  // namespace cli
