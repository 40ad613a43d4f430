// What an edit did, in the window's language: "filters 2 → 1", "a cell of
// channel 0 of the input (2, 3): 1 → 5", for the status line after an undo
// or a redo; and the core's errors in that language.
#pragma once

#include <string>

#include "core/base/result.h"
#include "core/session/edits.h"

namespace convstep {

std::string EditText(const EditNote& note);

// A core error as the window says it: the sentence of its code from the
// tables (the core's messages are English), else its English message.
std::string ErrorText(const Error& error);

// A grid's name ("input/1", "kernel/2/0") as the window says it: "channel 1
// of the input", "channel 0 of filter 2".
std::string GridDisplayName(const std::string& grid);

}  // namespace convstep
