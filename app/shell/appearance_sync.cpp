#include "app/shell/appearance_sync.h"

#include "app/gfx/window.h"
#include "app/shell/theme.h"

namespace convstep {

void AppearanceSync::Apply(gfx::Window& window, const Appearance& a) {
  if (first_ || a.theme != applied_.theme) {
    ApplyTheme(a.theme);
    const ImVec4 bg = CurrentColors().background;
    window.SetClearColor(bg.x, bg.y, bg.z);
  }
  if (first_ || a.text_percent != applied_.text_percent) {
    window.SetUiScale(static_cast<float>(a.text_percent) / 100.0f);
  }
  if (first_ || a.presentation != applied_.presentation) window.SetFullscreen(a.presentation);
  applied_ = a;
  first_ = false;
}

}  // namespace convstep
