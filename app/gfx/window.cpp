#include "app/gfx/window.h"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdio>
#include <filesystem>
#include <utility>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

namespace convstep::gfx {

namespace {

std::string g_last_glfw_error;
std::vector<std::string> g_dropped_paths;

void OnDrop(GLFWwindow*, int count, const char** paths) {
  for (int i = 0; i < count; ++i) g_dropped_paths.emplace_back(paths[i]);
}
ImVec4 g_clear_color(0.06f, 0.06f, 0.06f, 1.0f);

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
  // The fixed windows tile the screen, so their background is the clear
  // colour: with Mesa's software rasteriser every shaded pixel costs CPU,
  // and a full-screen background quad is a million of them per frame.
  ImGuiStyle& style = ImGui::GetStyle();
  const ImVec4 background = style.Colors[ImGuiCol_WindowBg];
  g_clear_color = ImVec4(background.x, background.y, background.z, 1.0f);
  style.Colors[ImGuiCol_WindowBg].w = 0.0f;
  // Grids are axis-aligned: anti-aliasing would only add fringe triangles
  // for the rasteriser to set up.
  style.AntiAliasedLines = false;
  style.AntiAliasedFill = false;
  std::unique_ptr<Window> window(new Window(handle));
  // Latin-1 for Spanish, Greek, and the arrows, maths signs and shapes the
  // panels use (· × → ≤ ◀).
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2010, 0x22FF, 0x25A0, 0x25FF, 0};
  for (const std::string& path : {options.font_path, options.mono_font_path}) {
    if (!path.empty() && std::filesystem::exists(path)) {
      io.Fonts->AddFontFromFileTTF(path.c_str(), options.font_size, nullptr, kRanges);
    } else {
      window->font_fallback_ = true;
      io.Fonts->AddFontDefault();
    }
  }
  glfwSetDropCallback(handle, OnDrop);
  ImGui_ImplGlfw_InitForOpenGL(handle, true);
  ImGui_ImplOpenGL3_Init("#version 330");
  return window;
}

Window::~Window() {
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

void Window::BeginFrame(const InjectedInput* injected) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (injected != nullptr) {
    // After the backend has read the real devices, before ImGui sees them.
    ImGuiIO& io = ImGui::GetIO();
    if (injected->mouse_valid) io.MousePos = ImVec2(injected->mouse_x, injected->mouse_y);
    io.MouseDown[0] = injected->mouse_down;
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


}  // namespace convstep::gfx
