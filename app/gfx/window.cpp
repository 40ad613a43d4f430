#include "app/gfx/window.h"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <span>
#include <utility>

#include "app/gfx/heatmap_shader.h"
#include "app/gfx/offscreen.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"

namespace convstep::gfx {

namespace {

std::string g_last_glfw_error;
std::vector<std::string> g_dropped_paths;

void OnDrop(GLFWwindow*, int count, const char** paths) {
  for (int i = 0; i < count; ++i) g_dropped_paths.emplace_back(paths[i]);
}
ImVec4 g_clear_color(0.06f, 0.06f, 0.06f, 1.0f);
// The style's sizes at scale 1: every scale is computed from these, so
// scaling up and down again returns exactly to them.
ImGuiStyle g_base_style;

// Latin-1 for Spanish, Greek, and the arrows, maths signs and shapes the
// panels use (· × → ≤ ◀).
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2010, 0x22FF, 0x25A0, 0x25FF, 0};
// The large font (step counter in presentation mode) is this much bigger.
constexpr float kLargeFontFactor = 2.5f;

void OnGlfwError(int code, const char* description) {
  g_last_glfw_error = "GLFW error " + std::to_string(code) + ": " + description;
}

}  // namespace

Result<std::unique_ptr<Window>> Window::Create(const WindowOptions& options) {
  glfwSetErrorCallback(OnGlfwError);
  if (!glfwInit()) {
    return Error{"cannot open a window: no display (" + g_last_glfw_error +
                 "). Set DISPLAY, or run under xvfb-run for screenshots and tests"};
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  GLFWwindow* handle = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (handle == nullptr) {
    glfwTerminate();
    return Error{"cannot create an OpenGL 3.3 window (" + g_last_glfw_error + ")"};
  }
  glfwMakeContextCurrent(handle);
  if (gladLoadGL(glfwGetProcAddress) == 0) {
    glfwDestroyWindow(handle);
    glfwTerminate();
    return Error{"cannot load OpenGL 3.3 functions"};
  }
  // Frame pacing is ours (vsync does not throttle under Xvfb anyway).
  glfwSwapInterval(0);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is computed every frame, nothing to remember
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGuiStyle& style = ImGui::GetStyle();
  // Grids are axis-aligned: anti-aliasing would only add fringe triangles
  // for the rasteriser to set up.
  style.AntiAliasedLines = false;
  style.AntiAliasedFill = false;
  g_base_style = style;
  std::unique_ptr<Window> window(new Window(handle));
  window->title_ = options.title;
  window->font_path_ = options.font_path;
  window->mono_font_path_ = options.mono_font_path;
  window->font_size_ = options.font_size;
  window->LoadFonts();
  glfwSetDropCallback(handle, OnDrop);
  ImGui_ImplGlfw_InitForOpenGL(handle, true);
  ImGui_ImplOpenGL3_Init("#version 330");
  return window;
}

Window::~Window() {
  capture_.reset();  // its framebuffer belongs to the context destroyed below
  ReleaseHeatmapTextures();  // so do the heatmap shader's textures and programs
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Window::ShouldClose() const { return glfwWindowShouldClose(window_) != 0; }
void Window::RequestClose() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

void Window::WaitEvents(double timeout_seconds) {
  if (timeout_seconds < 0) glfwWaitEvents();
  else glfwWaitEventsTimeout(timeout_seconds);
}

void Window::PollEvents() { glfwPollEvents(); }

void Window::LoadFonts() {
  // Four faces: the text, monospaced tables, the large step counter, and grid numbers.
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  font_fallback_ = false;
  const float size = std::round(font_size_ * ui_scale_ * raster_scale_);
  const struct {
    const std::string& path;
    float size;
  } faces[] = {{font_path_, size},
               {mono_font_path_, size},
               {font_path_, std::round(size * kLargeFontFactor)},
               // The numbers in grid cells, which may be drawn smaller than
               // the interface text but never below its 100 % size.
               {font_path_, std::round(font_size_ * raster_scale_)}};
  for (const auto& face : faces) {
    if (!face.path.empty() && std::filesystem::exists(face.path)) {
      io.Fonts->AddFontFromFileTTF(face.path.c_str(), face.size, nullptr, kGlyphRanges);
    } else {
      font_fallback_ = true;
      ImFontConfig config;
      config.SizePixels = face.size;
      io.Fonts->AddFontDefault(&config);
    }
  }
  io.FontGlobalScale = 1.0f / raster_scale_;
}

void Window::SetUiScale(float scale) {
  scale = std::clamp(scale, 1.0f, 3.0f);
  if (scale == ui_scale_) return;
  ui_scale_ = scale;
  fonts_dirty_ = true;
  // Sizes follow from the unscaled style; the colours stay the theme's.
  ImGuiStyle& style = ImGui::GetStyle();
  ImGuiStyle scaled = g_base_style;
  // Paddings and gaps grow at half the rate of the text: at 300 % the text
  // must be large, while gaps three times as wide would take the room the
  // grids need on a projector's 1280×800.
  scaled.ScaleAllSizes(1.0f + (scale - 1.0f) * 0.5f);
  std::copy(std::begin(style.Colors), std::end(style.Colors), std::begin(scaled.Colors));
  style = scaled;
}

void Window::SetRasterScale(float scale) {
  if (scale == raster_scale_) return;
  raster_scale_ = scale;
  fonts_dirty_ = true;
}

void Window::SetClearColor(float r, float g, float b) { g_clear_color = ImVec4(r, g, b, 1.0f); }

void Window::SetFullscreen(bool on) {
  if (on == fullscreen_) return;
  fullscreen_ = on;
  if (on) {
    glfwGetWindowPos(window_, &windowed_[0], &windowed_[1]);
    glfwGetWindowSize(window_, &windowed_[2], &windowed_[3]);
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
    if (mode == nullptr) {
      fullscreen_ = false;
      return;
    }
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else {
    glfwSetWindowMonitor(window_, nullptr, windowed_[0], windowed_[1], windowed_[2], windowed_[3], GLFW_DONT_CARE);
  }
}

void Window::SetTitle(const std::string& title) {
  if (title == title_) return;
  title_ = title;
  glfwSetWindowTitle(window_, title.c_str());
}

void Window::BeginFrame(const InjectedInput* injected) {
  ImGui_ImplOpenGL3_NewFrame();  // creates the font texture on the first frame
  if (fonts_dirty_) {
    // Between frames, never inside one: the atlas is in use until Render.
    LoadFonts();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    fonts_dirty_ = false;
  }
  ImGui_ImplGlfw_NewFrame();
  if (injected != nullptr) {
    // After the backend has read the real devices, before ImGui sees them.
    ImGuiIO& io = ImGui::GetIO();
    if (injected->mouse_valid) io.MousePos = ImVec2(injected->mouse_x, injected->mouse_y);
    io.MouseDown[0] = injected->mouse_down;
    io.MouseWheel += injected->wheel;
    for (bool& down : io.KeysDown) down = false;
    if (injected->key >= 0) io.KeysDown[injected->key] = true;
    io.KeyCtrl = injected->ctrl;
    io.KeyShift = injected->shift;
    if (!injected->text.empty()) io.AddInputCharactersUTF8(injected->text.c_str());
  }
  ImGui::NewFrame();
}

void Window::Render() {
  ImGui::Render();
  glViewport(0, 0, FramebufferWidth(), FramebufferHeight());
  glClearColor(g_clear_color.x, g_clear_color.y, g_clear_color.z, g_clear_color.w);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::Present() { glfwSwapBuffers(window_); }

int Window::FramebufferWidth() const {
  int w = 0;
  int h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return w;
}

int Window::FramebufferHeight() const {
  int w = 0;
  int h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return h;
}

std::vector<std::string> Window::TakeDroppedPaths() { return std::exchange(g_dropped_paths, {}); }

// Capture, for exports

Result<CapturedFrame> Window::RenderCapture(float scale) {
  ImDrawData* drawn = ImGui::GetDrawData();
  if (drawn == nullptr || !drawn->Valid) return Error{"cannot export: no frame has been drawn yet"};
  CapturedFrame frame;
  frame.width = static_cast<int>(std::lround(drawn->DisplaySize.x * scale));
  frame.height = static_cast<int>(std::lround(drawn->DisplaySize.y * scale));
  if (!capture_ || capture_->width() != frame.width || capture_->height() != frame.height) {
    capture_.reset();
    Result<std::unique_ptr<Offscreen>> created = Offscreen::Create(frame.width, frame.height);
    if (!created) return Error{created.error()};
    capture_ = std::move(created).value();
  }
  // Popups, tooltips and the child windows inside them (whose root window
  // is the popup). ImGui's window list is internal: imgui_internal.h, here
  // only.
  std::vector<ImDrawList*> popups;
  for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
    if ((window->RootWindow->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip)) != 0) {
      popups.push_back(window->DrawList);
    }
  }
  std::vector<ImDrawList*> lists;
  for (ImDrawList* list : std::span(drawn->CmdLists, static_cast<size_t>(drawn->CmdListsCount))) {
    if (std::find(popups.begin(), popups.end(), list) == popups.end()) lists.push_back(list);
  }
  ImDrawData shown = *drawn;
  shown.CmdLists = lists.data();
  shown.CmdListsCount = static_cast<int>(lists.size());
  // The OpenGL3 backend multiplies the geometry and the clip rectangles by
  // this and sizes its viewport from it: the same layout, more pixels.
  shown.FramebufferScale = ImVec2(scale, scale);
  capture_->Bind();
  glClearColor(g_clear_color.x, g_clear_color.y, g_clear_color.z, g_clear_color.w);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(&shown);
  frame.rgba = ReadPixelsTopDown(frame.width, frame.height);
  capture_->Unbind();
  return frame;
}


}  // namespace convstep::gfx
