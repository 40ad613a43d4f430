// The concept tooltips: after a control, one or two sentences from the
// string tables ("tip.*") saying what the parameter is and what it does,
// shown once the mouse has rested on the control for a moment, so that
// moving across the window does not flash them.
#pragma once

#include <optional>

#include "imgui.h"

namespace convstep {

// After an item: its tooltip `key`, in the current language, once the
// mouse has rested on it for kTooltipDelay seconds (not while dragging it).
void ConceptTooltip(const char* key);

constexpr double kTooltipDelay = 0.45;

// True while the mouse rests on an item whose tooltip has not appeared yet:
// the window must keep drawing frames for it to appear.
bool TooltipPending();
// The key of the tooltip shown this frame, or null (for the state dump).
const char* ShownTooltip();
// Where the item of tooltip `key` was drawn last frame, for scripts that
// hover it; nullopt when it was not drawn in the last frame.
std::optional<ImVec2> TooltipItemCenter(const char* key);

}  // namespace convstep
