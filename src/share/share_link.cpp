// The share link's document: built from a state, answers and a view, and read back strictly.
#include "share/share_link.h"

#include "engine/json_read.h"
#include "engine/state_json.h"
#include "share/link_codec.h"

namespace bp {
namespace {

using detail::Json;

const detail::JsonLimits kLimits{32, size_t(1) << 22};

// the state's canonical JSON without what a reader assumes anyway: absent biases, default options
Json compact_state(const State& state) {
  Json j = detail::state_dom(state);
  static const Json drop = detail::state_dom(State{});  // the defaults, built once
  for (auto it = j.begin(); it != j.end();) {
    const bool option = it.value().is_string() && drop.contains(it.key()) && drop[it.key()] == it.value();
    it = it.value().is_null() || option ? j.erase(it) : std::next(it);
  }
  return j;
}

Error link_field(std::string field, std::string reason) { return Error{"link." + std::move(field), std::move(reason)}; }

Expected<LinkView> read_view(const Json& j) {
  LinkView view;
  if (!j.is_object()) return link_field("view", std::string("expected an object, got ") + detail::json_type_name(j));
  for (const auto& [key, v] : j.items()) {
    if (key == "step") {
      if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 1'000'000)
        return link_field("view.step", "expected a step number ≥ 0");
      view.step = v.get<int>();
    } else if (key == "tab") {
      if (!v.is_string()) return link_field("view.tab", "expected a panel's name");
      view.tab = v.get<std::string>();
    } else if (key == "selected") {
      if (!v.is_object()) return link_field("view.selected", "expected {\"node\": …} or {\"of\": …, \"wrt\": …}");
      for (const auto& [k, name] : v.items()) {
        if (!name.is_string() || (k != "node" && k != "of" && k != "wrt"))
          return link_field("view.selected", "expected {\"node\": …} or {\"of\": …, \"wrt\": …}");
        (k == "node" ? view.node : k == "of" ? view.of : view.wrt) = name.get<std::string>();
      }
      if (view.node.empty() == (view.of.empty() || view.wrt.empty()))
        return link_field("view.selected", "expected {\"node\": …} or {\"of\": …, \"wrt\": …}");
    } else {
      return link_field("view", "unknown key \"" + key + "\" (a link has step, selected and tab)");
    }
  }
  return view;
}

}  // namespace

std::string link_document(const LinkContent& c) {
  Json doc;
  doc["state"] = compact_state(c.state);
  Json answers = Json::object();
  for (const auto& [key, text] : c.answers)
    if (!text.empty()) answers[key] = text;
  if (!answers.empty()) doc["answers"] = std::move(answers);
  if (!c.student.empty()) doc["student"] = c.student;
  Json view = Json::object();
  if (c.view.step) view["step"] = *c.view.step;
  if (!c.view.node.empty()) view["selected"] = {{"node", c.view.node}};
  else if (!c.view.of.empty()) view["selected"] = {{"of", c.view.of}, {"wrt", c.view.wrt}};
  if (!c.view.tab.empty()) view["tab"] = c.view.tab;
  if (!view.empty()) doc["view"] = std::move(view);
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Expected<std::string> share_link(const LinkContent& content, std::string_view base) {
  base = base.substr(0, base.find('#'));
  auto fragment = encode_link(link_document(content));
  if (!fragment) return fragment.error();
  return std::string(base) + "#" + fragment.value();
}

Expected<LinkContent> read_link(std::string_view link) {
  if (const size_t hash = link.find('#'); hash != std::string_view::npos) link.remove_prefix(hash + 1);
  auto text = decode_link(link);
  if (!text) return text.error();
  return read_link_document(text.value());
}

Expected<LinkContent> read_link_document(std::string_view json_text) {
  if (auto e = check_input_size(json_text, "link")) return *e;
  Json doc;
  if (auto failure = detail::read_json(json_text, kLimits, doc)) {
    Error e = detail::json_failure_error(*failure, "link", kLimits);  // "state.W0: appears twice" is the link's
    if (e.field != "link") e.field = "link." + e.field;
    return e;
  }
  if (!doc.is_object()) return Error{"link", std::string("expected an object, got ") + detail::json_type_name(doc)};
  LinkContent content;
  bool has_state = false;
  for (const auto& [key, v] : doc.items()) {
    if (key == "state") {
      auto state = parse_state(v.dump(), "link.state");
      if (!state) {
        const Error& e = state.error();
        return e.field.rfind("link.state", 0) == 0 ? e : link_field("state." + e.field, e.reason);
      }
      content.state = std::move(state).value();
      has_state = true;
    } else if (key == "answers") {
      if (!v.is_object()) return link_field("answers", std::string("expected an object, got ") + detail::json_type_name(v));
      for (const auto& [k, a] : v.items()) {
        if (!a.is_string()) return link_field("answers." + k, std::string("expected the text typed, got ") + detail::json_type_name(a));
        content.answers.emplace_back(k, a.get<std::string>());
      }
    } else if (key == "student") {
      if (!v.is_string()) return link_field("student", "expected a name or ID");
      content.student = v.get<std::string>();
    } else if (key == "view") {
      auto view = read_view(v);
      if (!view) return view.error();
      content.view = std::move(view).value();
    } else {
      return Error{"link", "unknown key \"" + key + "\" (a link holds state, answers, student and view)"};
    }
  }
  if (!has_state) return Error{"link", "it holds no state"};
  return content;
}

}  // namespace bp
