// backprop-cli variant: a fresh exercise for a TA, the same state JSON as `exercise`.
#include <ostream>

#include "cli.h"
#include "engine/state_json.h"
#include "coursework/student_variant.h"

namespace cli {

int variant(const Args& args, Io io) {
  bp::VariantOptions options;
  bool seeded = false;
  unsigned long long seed = 0;
  std::optional<std::string> student, course;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--dead-relu") {
      options.dead_relu = true;
    } else if (a == "--saturated") {
      options.saturated = true;
    } else if (a == "--student" || a == "--course") {
      auto v = option_value(args, i, a == "--student" ? "a student ID" : "the course's secret key");
      if (!v) return fail(io, v.error());
      (a == "--student" ? student : course) = v.value();
    } else if (a == "--seed" || a == "--layers" || a == "--width") {
      auto v = option_value(args, i, "a non-negative integer");
      if (!v) return fail(io, v.error());
      auto n = parse_unsigned(a, v.value());
      if (!n) return fail(io, n.error());
      if (a == "--seed") {
        seed = n.value();
        seeded = true;
      } else {
        const int max = a == "--layers" ? bp::kMaxLayers : bp::kVariantMaxWidth;
        if (n.value() > static_cast<unsigned long long>(max))  // before it could overflow an int
          return fail(io, {a, "must be 1…" + std::to_string(max) + ", got " + v.value()});
        (a == "--layers" ? options.layers : options.width) = static_cast<int>(n.value());
      }
    } else {
      return fail(io, {a, a.size() > 1 && a[0] == '-' ? "unknown option; see backprop-cli --help"
                                                  : "unexpected argument; variant takes options only"});
    }
  }
  if (seeded && student) return fail(io, {"--student", "and --seed exclude each other; give one"});
  if (course && !student) return fail(io, {"--course", "needs --student (a course key derives one exercise per student)"});
  if (!seeded && !student)
    return fail(io, {"--seed", "is required, or --student ID (the same seed or ID gives the same exercise)"});
  if (student)
    if (auto e = bp::check_student_id(*student)) return fail(io, {"--student", e->reason});
  const auto state = student ? bp::make_student_variant(*student, course.value_or(""), options)
                             : bp::make_variant(seed, options);
  if (!state) {
    std::string option = state.error().field;  // "dead_relu" → "--dead-relu"
    for (char& c : option) c = c == '_' ? '-' : c;
    return fail(io, {"--" + option, state.error().reason});
  }
  io.out << bp::state_to_json(state.value()) << "\n";
  return 0;
}

}  // namespace cli
