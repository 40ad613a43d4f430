// The only place that talks to GLFW and creates the OpenGL context: a window
// with OpenGL 3.3 core and Dear ImGui set up on it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

struct GLFWwindow;

namespace convstep::gfx {

// Mouse and keys a scripted run feeds to ImGui in place of the user's.
struct InjectedInput {
  bool mouse_valid = false;
  float mouse_x = 0;
  float mouse_y = 0;
  bool mouse_down = false;
  int key = -1;  // a GLFW key code pressed during this frame
  bool ctrl = false;
  bool shift = false;
  std::string text;  // characters typed during this frame (UTF-8)
};

struct WindowOptions {
  int width = 1280;             // logical size of the window in pixels
  int height = 800;
  bool visible = true;          // headless runs under Xvfb still use a visible window
  std::string title = "ConvStep";
  std::string font_path;        // a TTF to load; ImGui's default font when empty or missing
  std::string mono_font_path;   // a monospaced TTF for tables that must line up (second font)
  float font_size = 16.0f;
};

class Window {
 public:
  // Fails with a readable message when there is no display or no OpenGL 3.3.
  static Result<std::unique_ptr<Window>> Create(const WindowOptions& options);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  bool ShouldClose() const;
  void RequestClose();
  // Blocks until an event arrives or `timeout_seconds` pass (< 0: forever).
  void WaitEvents(double timeout_seconds);
  void PollEvents();
  void BeginFrame(const InjectedInput* injected = nullptr);
  void Render();   // draws ImGui's frame into the back buffer
  void Present();  // shows it
  int FramebufferWidth() const;
  int FramebufferHeight() const;
  // Files dropped onto the window since the last call.
  std::vector<std::string> TakeDroppedPaths();
  GLFWwindow* handle() const { return window_; }
  // True when the last font load fell back to ImGui's default font.
  bool font_fallback() const { return font_fallback_; }

 private:
  explicit Window(GLFWwindow* window) : window_(window) {}
  GLFWwindow* window_ = nullptr;
  bool font_fallback_ = false;
};

}  // namespace convstep::gfx
