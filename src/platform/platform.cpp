// Platform: SDL2 + OpenGL3 + Dear ImGui, the same code natively and in the browser; the few
// differences (GL flavour, the browser glue) are marked with __EMSCRIPTEN__.
#include "platform/platform.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include "app/session.h"
#include "app/theme.h"
#include "platform/frame_look.h"
#include "platform/gl.h"
#include "platform/settings.h"
#ifdef __EMSCRIPTEN__
#include "platform/web_api.h"
#include "platform/web_lang.h"
#else
#include "platform/screenshot.h"
#endif

namespace platform {
namespace {

// a file dropped on the desktop's window: opened as the Open button opens one
void open_dropped(app::App& app, const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) app.notice = {std::string("Could not open ") + path + ": it cannot be read (nothing was changed).", true};
  else app::open_file(app, text.str(), path);
}

// framebuffer pixels per window pixel: 2 on a HiDPI screen / at devicePixelRatio 2
float framebuffer_scale(SDL_Window* window) {
  int w = 0, h = 0, fb_w = 0, fb_h = 0;
  SDL_GetWindowSize(window, &w, &h);
  SDL_GL_GetDrawableSize(window, &fb_w, &fb_h);
  return w > 0 && fb_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(w) : 1.0f;
}

// sharp text: re-rasterise the font when the pixel scale (a HiDPI screen, browser zoom) or the UI
// scale changes; a presentation the user changed is remembered
// scale, and for one frame at `factor` × the pixels (a picture rendered at 2×)
void update_fonts(Platform& p, float factor) {
  const bool asked = p.app->applied.scale > 0 && p.app->applied != p.app->presentation;
  p.pixel_scale = framebuffer_scale(p.window);
  if (!app::update_presentation(*p.app, p.pixel_scale * factor)) return;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  ++p.font_generation;  // GL may hand the new texture the old one's name
  if (asked && p.remember_presentation) save_settings(app::theme::settings_text(p.app->presentation));
}

// Ctrl+= / Ctrl++ / Ctrl+− change the UI scale, Ctrl+0 resets it (the page keeps the browser's
// own zoom off these keys)
void presentation_keys(Platform& p, const SDL_Event& event) {
#ifdef __EMSCRIPTEN__
  (void)p, (void)event;  // the page takes these keys from the browser (web_api.js: lab_ui_scale_step)
#else
  if (event.type != SDL_KEYDOWN || !(event.key.keysym.mod & KMOD_CTRL)) return;
  app::theme::Presentation& pres = p.app->presentation;
  switch (event.key.keysym.sym) {
    case SDLK_EQUALS: case SDLK_PLUS: case SDLK_KP_PLUS: pres = app::theme::step_scale(pres, +1); break;
    case SDLK_MINUS: case SDLK_KP_MINUS: pres = app::theme::step_scale(pres, -1); break;
    case SDLK_0: case SDLK_KP_0: pres.scale = 1.0f; break;
    default: break;
  }
#endif
}

// F6 / Shift+F6: the next / previous panel (Tab belongs to the text fields; the page maps Tab)
void panel_keys(Platform& p, const SDL_Event& event) {
  if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_F6)
    app::cycle_panel(*p.app, (event.key.keysym.mod & KMOD_SHIFT) ? -1 : 1);
}

void set_gl_attributes() {
#ifdef __EMSCRIPTEN__
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);  // WebGL2 = ES 3.0
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
#endif
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
}

}  // namespace

bool init(Platform& p, app::App& app) {
  p.app = &app;
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "backprop-lab: SDL_Init failed: %s\n", SDL_GetError());
    return false;
  }
  set_gl_attributes();
  const auto flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  p.window = SDL_CreateWindow("Backprop Lab", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, p.width, p.height, flags);
  if (!p.window) {
    std::fprintf(stderr, "backprop-lab: cannot open a window: %s\n", SDL_GetError());
    return false;
  }
  p.gl = SDL_GL_CreateContext(p.window);
  if (!p.gl) {
    std::fprintf(stderr, "backprop-lab: no OpenGL 3.3 / WebGL2 context: %s\n", SDL_GetError());
    return false;
  }
  SDL_GL_MakeCurrent(p.window, p.gl);
  SDL_GL_SetSwapInterval(1);  // vsync

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the layout is computed each frame; nothing to save
  ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl);
#ifdef __EMSCRIPTEN__
  ImGui_ImplOpenGL3_Init("#version 300 es");
#else
  ImGui_ImplOpenGL3_Init("#version 330 core");
#endif
  p.pixel_scale = framebuffer_scale(p.window);
#ifdef __EMSCRIPTEN__
  const app::Lang default_lang = browser_language();  // a page's lang= (web_read_embed) comes after
#else
  const app::Lang default_lang = app::Lang::En;
#endif
  if (!p.presentation_given) app.presentation = app::theme::parse_settings(load_settings(), default_lang);
  if (p.lang) app.presentation.lang = *p.lang;
  app::update_presentation(app, p.pixel_scale);  // the backend builds the font texture on its first frame
  app::init(app);
  return true;
}

void frame(void* arg) {
  Platform& p = *static_cast<Platform*>(arg);
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    presentation_keys(p, event);
    panel_keys(p, event);
    if (event.type == SDL_QUIT) p.quit = true;
    // the window's pixels were lost (uncovered, restored or resized without a compositor): drawn
    // again even though the frame looks the same
    if (event.type == SDL_WINDOWEVENT && event.window.event != SDL_WINDOWEVENT_MOVED) p.redraw = true;
    if (event.type == SDL_DROPFILE) {  // a state or an answer sheet dropped on the window
      open_dropped(*p.app, event.drop.file);
      SDL_free(event.drop.file);
    }
    // a real mouse (not SDL's mouse made from a touch) brings the hover tooltips back
    if ((event.type == SDL_MOUSEMOTION && event.motion.which != SDL_TOUCH_MOUSEID) ||
        (event.type == SDL_MOUSEBUTTONDOWN && event.button.which != SDL_TOUCH_MOUSEID))
      p.app->graph.touch_pointer = false;
    if (event.type == SDL_FINGERDOWN || event.type == SDL_FINGERMOTION || event.type == SDL_FINGERUP) {
      // normalised to the window; the app pinch-zooms the canvas with two fingers
      const ImVec2 size = ImGui::GetIO().DisplaySize;
      const auto phase = event.type == SDL_FINGERDOWN ? app::TouchPhase::Down
                         : event.type == SDL_FINGERUP ? app::TouchPhase::Up : app::TouchPhase::Move;
      app::touch_graph(p.app->graph, static_cast<int64_t>(event.tfinger.fingerId),
                       {event.tfinger.x * size.x, event.tfinger.y * size.y}, phase);
    }
  }

  // the app's own CPU time: UI build and any engine work, not GL submission or vsync
  const auto start = std::chrono::steady_clock::now();
  // "PNG 2×" was asked last frame: this frame's text is rasterised at twice the pixels, so the
  // picture rendered from it at 2× is sharp (the next frame goes back)
  const bool picture = !p.picture_path.empty();
  update_fonts(p, picture ? 2.0f : 1.0f);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  app::frame(*p.app);
  ImGui::Render();
  const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
  p.app->stats.add(elapsed.count());

  // a frame that looks as the one on screen is not drawn again (a screenshot or picture always is)
  const uint64_t look = frame_look(*ImGui::GetDrawData(), app::offscreen_look(*p.app) ^ p.font_generation);
  const bool present = look != p.look || p.redraw || p.frames_presented == 0 || !p.capture_path.empty() || picture;
  p.look = look;
  p.redraw = false;
  ++p.frames;
  if (!present) {
#ifdef __EMSCRIPTEN__
    web_frame_drawn(p.frames, p.frames_presented);  // the browser paces the loop (requestAnimationFrame)
#else
    SDL_WaitEventTimeout(nullptr, 16);  // no vsync without a swap: wait for input or a 60 Hz tick
#endif
    return;
  }
  ++p.frames_presented;
  const ImGuiIO& io = ImGui::GetIO();
  const int fb_w = static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x);
  const int fb_h = static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y);
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.1f, 0.1f, 0.11f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
#ifndef __EMSCRIPTEN__
  if (!p.capture_path.empty()) {  // the back buffer, just before it is shown
    p.capture_failed = !write_screenshot(p.capture_path, fb_w, fb_h);
    p.capture_path.clear();
  }
  if (picture) {  // the graph area under its toolbar
    app::GraphView& gv = p.app->graph;
    const app::logic::Rect area{gv.screen.x, gv.screen.y + gv.toolbar_h, gv.screen.w, gv.screen.h - gv.toolbar_h};
    gv.export_status = write_picture(p.picture_path, ImGui::GetDrawData(), area, 2.0f);
    gv.export_status_time = ImGui::GetTime();
    p.picture_path.clear();
  }
#endif
  SDL_GL_SwapWindow(p.window);
#ifdef __EMSCRIPTEN__
  web_frame_drawn(p.frames, p.frames_presented);
#endif
}

void shutdown(Platform& p) {
  if (p.app) app::shutdown(*p.app);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  if (p.gl) SDL_GL_DeleteContext(p.gl);
  if (p.window) SDL_DestroyWindow(p.window);
  SDL_Quit();
}

}  // namespace platform
