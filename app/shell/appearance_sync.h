// Carries the Appearance (theme, palette, text size, presentation) of the
// ViewState to the window and to ImGui's style.
#pragma once

#include "app/state/appearance.h"

namespace convstep {

namespace gfx {
class Window;
}

// Applies what changed in the Appearance to the window and ImGui's style,
// once per frame before the frame begins.
class AppearanceSync {
 public:
  void Apply(gfx::Window& window, const Appearance& appearance);

 private:
  bool first_ = true;
  Appearance applied_;
};

}  // namespace convstep
