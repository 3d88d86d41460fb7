// embed.h: the parameters' effect on the UI; the panels ask shows() and *_locked().
#include "app/logic/i18n.h"
#include "app/embed.h"

#include <optional>
#include <string>

#include <imgui.h>

#include "app/widgets.h"
#include "app/theme.h"

namespace app {
namespace {

// the narrow screen of each hideable part (the stepper, status bar and toolbar have none)
constexpr struct {
  Screen screen;
  logic::Part part;
} kScreenParts[] = {{Screen::Network, logic::Part::Network},     {Screen::Results, logic::Part::Results},
                    {Screen::Inspector, logic::Part::Inspector}, {Screen::Explainer, logic::Part::Explainer},
                    {Screen::Sheet, logic::Part::Sheet},         {Screen::Train, logic::Part::Train}};

// tab=inspector → Screen::Inspector (the tab bar's labels, lower-cased)
std::optional<Screen> screen_of_tab(const std::string& tab) {
  for (int i = 0; i <= static_cast<int>(Screen::Train); ++i) {
    std::string name = screen_name(static_cast<Screen>(i));
    name[0] = static_cast<char>(name[0] - 'A' + 'a');
    if (name == tab) return static_cast<Screen>(i);
  }
  return std::nullopt;
}

// "error: of: no node named …" → "no node named …" (the notice names the parameter instead)
std::string reason_of(const std::string& line) {
  const size_t at = line.find(": ", 7);
  return at == std::string::npos ? line : line.substr(at + 2);
}

// select=: selects its node or edge in `selection`, or says why it cannot ("" when it did)
std::string apply_select(App& app, logic::Selection& selection) {
  const logic::EmbedParams& e = app.embed;
  sync_graph(app.graph, app.model);
  const logic::GraphSnapshot& g = app.graph.stepper.graph();
  return e.select_wrt.empty() ? logic::select_node(selection, g, e.select_of)
                              : logic::select_edge(selection, g, e.select_of, e.select_wrt);
}

}  // namespace

void set_embed(App& app, logic::EmbedParams params) {
  app.embed = std::move(params);
  if (app.embed.scale) app.presentation.scale = *app.embed.scale;
  if (app.embed.light) app.presentation.light = *app.embed.light;
  if (!app.embed.lang.empty()) app.presentation.lang = parse_lang(app.embed.lang, app.presentation.lang);
  app.graph.flow = app.graph.flow || app.embed.flow;
  app.embed_started = false;
}

void start_embed(App& app) {
  if (app.embed_started) return;
  app.embed_started = true;
  const logic::EmbedParams& e = app.embed;
  if (!e.select_of.empty()) {
    const std::string error = apply_select(app, app.graph.selection);
    if (!error.empty()) app.embed.notices.push_back({"select", reason_of(error)});
    else if (e.tab.empty() && shows(app, Screen::Inspector)) focus_panel(app, "Inspector");  // as a click would
  }
  if (const auto s = screen_of_tab(e.tab)) focus_panel(app, screen_name(*s));
}

bool shows(const App& app, logic::Part p) { return !app.embed.hides(p); }

bool shows(const App& app, Screen s) {
  for (const auto& sp : kScreenParts)
    if (sp.screen == s) return shows(app, sp.part);
  return true;
}

bool network_locked(const App& app) { return app.embed.lock != logic::Lock::None; }
bool answers_locked(const App& app) { return app.embed.lock == logic::Lock::All; }

void embed_notices(App& app) {
  if (app.embed.notices.empty()) return;
  if (app.embed_notices_lang != language()) {  // the notices again, in the UI's language
    app.embed_notices_lang = language();
    app.embed.notices = logic::parse_embed_params(app.embed.query).notices;
    logic::Selection scratch;  // the select= notice as start_embed gave it, the selection left alone
    if (!app.embed.select_of.empty())
      if (const std::string error = apply_select(app, scratch); !error.empty()) app.embed.notices.push_back({"select", reason_of(error)});
  }
  for (const bp::Error& e : app.embed.notices) inline_warning(trf(S::embed_notice, {{"problem", e.line().substr(7)}}));  // past "error: "
  if (ImGui::SmallButton(tr_id(S::embed_dismiss, "Dismiss##notices").c_str())) app.embed.notices.clear();
  ImGui::SameLine();
  note(tr(S::embed_ignored));
}

}  // namespace app
