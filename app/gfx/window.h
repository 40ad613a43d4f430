// The only place that talks to GLFW and creates the OpenGL context: a window
// with OpenGL 3.3 core and Dear ImGui set up on it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/gfx/offscreen.h"
#include "core/base/result.h"

struct GLFWwindow;

namespace convstep::gfx {

// Mouse and keys a scripted run feeds to ImGui in place of the user's.
struct InjectedInput {
  bool mouse_valid = false;
  float mouse_x = 0;
  float mouse_y = 0;
  bool mouse_down = false;
  float wheel = 0;
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

// Pixels read back from a capture: 8-bit RGBA, top row first.
struct CapturedFrame {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgba;
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

  // The size of text and widgets, 1 to 3: the fonts are rasterised again at
  // the new size (sharp, not stretched) at the next BeginFrame.
  void SetUiScale(float scale);
  // Fonts rasterised `scale` times finer than they are laid out, for frames
  // drawn into a framebuffer `scale` times larger (exports at 2x).
  void SetRasterScale(float scale);
  // The colour behind the windows (their own backgrounds are transparent).
  void SetClearColor(float r, float g, float b);
  // Full screen on the primary monitor, or back to the window as it was.
  void SetFullscreen(bool on);
  // The title bar's text (UTF-8); nothing happens when it is the same.
  void SetTitle(const std::string& title);

  // Capture, for exports
  // Draws the frame just rendered (after Render) again into an offscreen
  // picture `scale` times the window's size (same layout, `scale` times the
  // pixels), leaving out popups and tooltips: a menu or the export's own
  // progress dialog is not part of the view.
  Result<CapturedFrame> RenderCapture(float scale);

 private:
  explicit Window(GLFWwindow* window) : window_(window) {}
  void LoadFonts();
  GLFWwindow* window_ = nullptr;
  bool font_fallback_ = false;
  std::string font_path_;
  std::string mono_font_path_;
  float font_size_ = 16.0f;
  float ui_scale_ = 1.0f;
  float raster_scale_ = 1.0f;
  bool fonts_dirty_ = false;
  bool fullscreen_ = false;
  std::string title_;
  int windowed_[4] = {0, 0, 0, 0};  // x, y, width, height before going full screen
  std::unique_ptr<Offscreen> capture_;  // kept between captures of one size
};

}  // namespace convstep::gfx
