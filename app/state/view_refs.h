// The view's references into the document: the grid last clicked (where
// Ctrl+V pastes), the cell being typed into, the hovered input and output
// cells, the steps, a paste waiting for its answer and an export running.
// An edit, an undo or an opened file can remove what one of them names (a
// filter, a channel, rows), so after every change of the session
// RevalidateView clears or clamps each one that no longer holds; nothing
// else in the window may use a reference it has not checked.
#pragma once

#include <string>
#include <vector>

namespace convstep {

struct AppState;

// Clears or clamps every reference the session no longer has.
void RevalidateView(AppState& state);

// One line for every reference that names something the session does not
// have (empty when all hold): what the monkey tester checks after each
// action.
std::vector<std::string> DanglingReferences(const AppState& state);

}  // namespace convstep
