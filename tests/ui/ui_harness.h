// The headless UI harness shared by the UI test files: an ImGui context with fonts and no
// renderer, frames of the whole app, simulated keys and mouse, the JS API's view.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/fonts.h"
#include "app/logic/view_json.h"

namespace ui_test {

extern std::vector<std::string> failures;  ///< IM_ASSERTs that failed (ui_test_config.h)

constexpr int kSpace = 32, kLeft = 1, kRight = 2, kEnter = 3, kEscape = 4, kUp = 5, kDown = 6;  // our own key indices (io.KeyMap)

struct Ui {
  std::unique_ptr<app::App> app = std::make_unique<app::App>();

  Ui() {
    failures.clear();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.IniFilename = nullptr;
    io.KeyMap[ImGuiKey_Space] = kSpace;
    io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kRight;
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeyMap[ImGuiKey_Escape] = kEscape;
    io.KeyMap[ImGuiKey_UpArrow] = kUp;
    io.KeyMap[ImGuiKey_DownArrow] = kDown;
    app::init(*app);
  }
  ~Ui() {
    app::shutdown(*app);
    ImGui::DestroyContext();
  }

  void frame(double dt = 1.0 / 60) {
    ImGuiIO& io = ImGui::GetIO();
    if (app::update_presentation(*app, 1.0f)) {  // what the platform does: a new font texture
      unsigned char* pixels = nullptr;
      int w = 0, h = 0;
      io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
      io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    }
    io.DeltaTime = static_cast<float>(dt);
    ImGui::NewFrame();
    app::frame(*app);
    ImGui::Render();
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }
  void key(int index) {
    ImGui::GetIO().KeysDown[index] = true;
    frame();
    ImGui::GetIO().KeysDown[index] = false;
    frame();
  }
  ImVec2 centre_of(const std::string& item) {
    const auto r = app->probe.find(item);
    REQUIRE_MESSAGE(r, item << " is drawn");
    return ImVec2(r->x + r->w / 2, r->y + r->h / 2);
  }
  void mouse(ImVec2 at, bool down) {
    ImGui::GetIO().MousePos = at;
    ImGui::GetIO().MouseDown[0] = down;
    frame();
  }
  void type(const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    frame();
  }
  void click(ImVec2 at, bool ctrl = false) {
    ImGui::GetIO().KeyCtrl = ctrl;
    mouse(at, false);
    mouse(at, true);
    mouse(at, false);
    ImGui::GetIO().KeyCtrl = false;
  }
  const std::vector<app::TextRect>& texts() const { return app->probe.texts(); }
  /// The centre of the first text drawn last frame that reads exactly `text` (a button's label).
  ImVec2 centre_of_text(const std::string& text) {
    for (const auto& t : app->probe.texts())
      if (t.text == text) return ImVec2(t.x + t.w / 2, t.y + t.h / 2);
    FAIL(text << " is not drawn");
    return ImVec2();
  }
  nlohmann::json view() { return nlohmann::json::parse(app::graph_view_json(app->graph)); }
};

inline void check_no_asserts() {
  for (const auto& f : failures) FAIL_CHECK(f);
  CHECK(failures.empty());
}

}  // namespace ui_test
