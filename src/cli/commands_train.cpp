// backprop-cli train: N optimizer steps from a state, the loss before each and after the last,
// and the state they leave: {"losses": [l0, …, lN], "state": {<the eval input>}}.
#include <cmath>
#include <cstdlib>
#include <map>
#include <ostream>

#include "cli.h"
#include "engine/number_format.h"
#include "engine/state_json.h"
#include "engine/training.h"

namespace cli {
namespace {

// the option that sets each OptimizerSettings field, for the engine's errors
const std::map<std::string, std::string> kOptionOf = {
    {"lr", "--lr"}, {"momentum", "--momentum"}, {"nesterov", "--nesterov"}, {"beta1", "--betas"},
    {"beta2", "--betas"}, {"eps", "--eps"}, {"weight_decay", "--weight-decay"}, {"train_input", "--train-input"},
    {"steps", "--steps"}};

// a whole argument that is one finite number
bp::Expected<double> number(const std::string& option, const std::string& text, const std::string& what) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(v))
    return bp::Error{option, "expected " + what + ", got \"" + text + "\""};
  return v;
}

std::string json_number(double x) { return std::isfinite(x) ? bp::format_round_trip(x) : "null"; }

}  // namespace

int train(const Args& args, Io io) {
  bool path_given = false;
  std::string path = "-";
  bp::OptimizerSettings o;
  unsigned long long steps = 100;
  std::vector<std::string> momentum_only, adam_only;  // given options that need that optimizer
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--nesterov" || a == "--train-input") {
      (a == "--nesterov" ? o.nesterov : o.train_input) = true;
      if (a == "--nesterov") momentum_only.push_back(a);
      continue;
    }
    if (a.size() > 1 && a[0] == '-') {
      static const std::map<std::string, std::string> kValueOf = {
          {"--optimizer", "sgd, momentum or adam"}, {"--lr", "a learning rate such as 0.1"},
          {"--steps", "a number of steps such as 100"}, {"--momentum", "a momentum such as 0.9"},
          {"--betas", "two numbers B1,B2 such as 0.9,0.999"}, {"--eps", "a number such as 1e-8"},
          {"--weight-decay", "a number such as 1e-4"}};
      const auto known = kValueOf.find(a);
      if (known == kValueOf.end()) return fail(io, {a, "unknown option; see backprop-cli --help"});
      auto v = option_value(args, i, known->second);
      if (!v) return fail(io, v.error());
      const std::string& text = v.value();
      if (a == "--optimizer") {
        const auto kind = bp::parse_option<bp::OptimizerKind>(text);
        if (!kind) return fail(io, {a, "unknown value \"" + text + "\"; expected sgd, momentum or adam"});
        o.kind = *kind;
      } else if (a == "--steps") {
        auto n = parse_unsigned(a, text);
        if (!n) return fail(io, n.error());
        steps = n.value();
      } else if (a == "--betas") {
        const size_t comma = text.find(',');
        const bp::Error bad{a, "expected two numbers B1,B2 such as 0.9,0.999, got \"" + text + "\""};
        if (comma == std::string::npos) return fail(io, bad);
        auto b1 = number(a, text.substr(0, comma), "two numbers B1,B2 such as 0.9,0.999");
        auto b2 = number(a, text.substr(comma + 1), "two numbers B1,B2 such as 0.9,0.999");
        if (!b1 || !b2) return fail(io, bad);
        o.beta1 = b1.value(), o.beta2 = b2.value();
        adam_only.push_back(a);
      } else {
        auto x = number(a, text, "a number");
        if (!x) return fail(io, x.error());
        if (a == "--lr") o.lr = x.value();
        if (a == "--weight-decay") o.weight_decay = x.value();
        if (a == "--momentum") o.momentum = x.value(), momentum_only.push_back(a);
        if (a == "--eps") o.eps = x.value(), adam_only.push_back(a);
      }
    } else if (auto e = set_path("train", a, path, path_given)) {
      return fail(io, *e);
    }
  }
  if (o.kind != bp::OptimizerKind::Momentum && !momentum_only.empty())
    return fail(io, {momentum_only[0], "is an option of --optimizer momentum"});
  if (o.kind != bp::OptimizerKind::Adam && !adam_only.empty())
    return fail(io, {adam_only[0], "is an option of --optimizer adam"});
  if (steps > static_cast<unsigned long long>(bp::kMaxTrainSteps))
    return fail(io, {"--steps", "is " + std::to_string(steps) + "; at most " + std::to_string(bp::kMaxTrainSteps)});
  if (auto e = bp::validate(o)) return fail(io, {kOptionOf.at(e->field), e->reason});

  const auto text = read_all(path, io);
  if (!text) return fail(io, text.error());
  const auto state = bp::parse_state(text.value(), source_name(path));
  if (!state) return fail(io, state.error());
  auto result = bp::train(state.value(), o, static_cast<int>(steps));
  if (!result) {
    const bp::Error& e = result.error();
    const auto option = kOptionOf.find(e.field);  // a setting, or a field of the state
    return fail(io, {option == kOptionOf.end() ? e.field : option->second, e.reason});
  }
  std::string out = "{\"losses\":[";
  for (size_t i = 0; i < result.value().losses.size(); ++i) out += (i ? "," : "") + json_number(result.value().losses[i]);
  io.out << out << "],\"state\":" << bp::state_to_json(result.value().state) << "}\n";
  return 0;
}

}  // namespace cli
