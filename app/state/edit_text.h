// What an edit did, in the window's language: "filters 2 → 1", "a cell of
// channel 0 of the input (2, 3): 1 → 5", for the status line after an undo
// or a redo.
#pragma once

#include <string>

#include "core/session/edits.h"

namespace convstep {

std::string EditText(const EditNote& note);

// A grid's name ("input/1", "kernel/2/0") as the window says it: "channel 1
// of the input", "channel 0 of filter 2".
std::string GridDisplayName(const std::string& grid);

}  // namespace convstep
