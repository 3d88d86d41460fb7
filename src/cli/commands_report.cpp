// backprop-cli report: the class report of many sheets (the sheets and options of grade).
// Exit status as grade's: 0 every sheet could be read, 1 some could not, 2 invalid invocation.
#include <ostream>

#include "cli.h"
#include "coursework/class_report.h"

namespace cli {

int report(const Args& args, Io io) {
  GradeRun run;
  std::string format = "html";
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format") {
      auto v = option_value(args, i, "html or markdown");
      if (!v) return fail(io, v.error());
      format = v.value();
      if (format != "html" && format != "markdown")
        return fail(io, {"--format", "unknown value \"" + format + "\"; expected html or markdown"});
    } else if (auto status = grade_option(args, i, run, io)) {
      return *status;
    }
  }
  std::vector<bp::GradeRow> rows;
  const int status = grade_run(run, "report on", rows, io);
  if (status != kInvalidInput) io.out << (format == "html" ? bp::class_report_html(rows) : bp::class_report_markdown(rows));
  return status;
}

}  // namespace cli
