// graph_picture.h: the theme and the font, handed to the UI-free SVG writer.
#include "app/graph_picture.h"

#include <cfloat>

#include <imgui.h>

#include "app/app.h"
#include "app/logic/i18n.h"
#include "app/logic/graph_svg.h"
#include "app/theme.h"

namespace app {
namespace {

logic::Rgba rgba(const ImVec4& c) { return {c.x, c.y, c.z, c.w}; }

logic::SvgOptions svg_options() {
  logic::SvgOptions o;
  logic::SvgPalette& p = o.palette;
  const theme::CanvasColors& c = theme::kCanvas;
  p.background = rgba(theme::kCanvasBackground);
  p.text = rgba(c.text);
  p.muted = rgba(theme::kMuted);
  p.node = rgba(c.node);
  p.leaf = rgba(c.leaf);
  p.node_border = rgba(c.node_border);
  p.leaf_border = rgba(c.leaf_border);
  p.cell = rgba(c.cell);
  p.editable_cell = rgba(c.editable_cell);
  p.edge = rgba(c.edge);
  p.chip = rgba(c.chip);
  p.value = rgba(theme::kValue);
  p.gradient = rgba(theme::kGradient);
  p.error = rgba(theme::kError);
  p.warning = rgba(theme::kWarning);
  p.light = c.light;
  // the app's own font measures the text, so sizes and places are the canvas's
  if (ImGui::GetCurrentContext() && ImGui::GetFont() && ImGui::GetFont()->IsLoaded())
    o.text_width = [](std::string_view text, double px) {
      return static_cast<double>(
          ImGui::GetFont()->CalcTextSizeA(static_cast<float>(px), FLT_MAX, 0, text.data(), text.data() + text.size()).x);
    };
  return o;
}

}  // namespace

std::string graph_picture_svg(App& app) {
  sync_graph(app.graph, app.model);
  if (!app.model.report || app.graph.layout.boxes.empty()) return "";
  return logic::graph_svg(app.graph.stepper.graph(), app.graph.layout, svg_options());
}

void export_picture(App& app, bool png) {
  GraphView& gv = app.graph;
  gv.export_status_time = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0;
  const std::string svg = graph_picture_svg(app);
  if (svg.empty()) {
    gv.export_status = std::string("error: graph: ") + tr(S::canvas_no_graph);
    return;
  }
  const auto& save = png ? app.save_png : app.save_file;
  if (!save) {
    gv.export_status = std::string("error: ") + tr(S::sheet_no_saving);
    return;
  }
  gv.export_status = save(png ? kPicturePngName : kPictureSvgName, svg);
}

}  // namespace app
