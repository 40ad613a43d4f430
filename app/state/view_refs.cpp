#include "app/state/view_refs.h"

#include <algorithm>

#include "app/i18n/i18n.h"
#include "app/state/app_state.h"
#include "core/session/grid_ref.h"

namespace convstep {

namespace {

bool InRange(int v, int n) { return v >= 0 && v < n; }

bool GridNameHolds(const Conv2dSpec& spec, const std::string& name) {
  const std::optional<GridRef> ref = ParseGridRef(name);
  return ref && GridExists(spec, *ref);
}

// The cell editor's coordinates are those of the grid as drawn: the input on
// its padded plane (only data cells are editable), a kernel as it is.
bool EditedCellHolds(const AppState& state, const CellEdit& edit) {
  const std::optional<GridRef> ref = ParseGridRef(edit.grid);
  if (!ref || !GridExists(state.session.conv, *ref)) return false;
  if (ref->kind == GridRef::Kind::kKernel) {
    return InRange(edit.y, state.session.conv.weight.h) && InRange(edit.x, state.session.conv.weight.w);
  }
  const Conv2dGeometry& g = state.conv->geometry();
  return InRange(edit.y - g.padding.top, g.in_h) && InRange(edit.x - g.padding.left, g.in_w);
}

bool OutputCellHolds(const Conv2dGeometry& g, const OutputCell& o) {
  return InRange(o.c, g.out_channels) && InRange(o.y, g.out_h) && InRange(o.x, g.out_w);
}

bool InputCellHolds(const Conv2dGeometry& g, const InputCell& i) {
  return InRange(i.c, g.in_channels) && InRange(i.y, g.padded_h) && InRange(i.x, g.padded_w);
}

bool ExportHolds(const AppState& state, const ExportJob& job) {
  const int total = state.ActiveTotal();
  return job.total_steps == total &&
         std::all_of(job.steps.begin(), job.steps.end(), [&](int k) { return InRange(k, total); });
}

// The activation the Network tab shows the arithmetic of is one of the
// network's (training another architecture may leave it naming nothing).
bool SelectedActivationHolds(const AppState& state) {
  const std::optional<ActivationRef>& ref = state.view.network.selected;
  if (!ref) return true;
  const std::shared_ptr<const NetworkRun> run = state.CurrentNetworkRun();
  const std::vector<Tensor3>& a = run->activations;
  return ref->layer >= 0 && static_cast<size_t>(ref->layer) < a.size() &&
         a[static_cast<size_t>(ref->layer)].Contains(ref->c, ref->y, ref->x);
}

}  // namespace

void RevalidateView(AppState& state) {
  ViewState& v = state.view;
  const Conv2dGeometry& g = state.conv->geometry();
  if (!GridNameHolds(state.session.conv, v.selected_grid)) {
    // A paste meant for a grid that is gone would land somewhere else.
    v.pending_paste.reset();
    v.selected_grid = "input/0";
  }
  if (v.editing && !EditedCellHolds(state, *v.editing)) v.editing.reset();
  if (v.hovered_output && !OutputCellHolds(g, *v.hovered_output)) v.hovered_output.reset();
  if (v.hovered_input && !InputCellHolds(g, *v.hovered_input)) v.hovered_input.reset();
  v.step = std::clamp(v.step, 0, state.conv->TotalSteps() - 1);
  v.glide_from = std::clamp(v.glide_from, 0, state.conv->TotalSteps() - 1);
  v.pool_step = std::clamp(v.pool_step, 0, state.pool->TotalSteps() - 1);
  if (v.export_job && !ExportHolds(state, *v.export_job)) {
    StopExport(state, Tr("status.export_document_changed"));
  }
  if (!SelectedActivationHolds(state)) v.network.selected.reset();
}

std::vector<std::string> DanglingReferences(const AppState& state) {
  std::vector<std::string> broken;
  const ViewState& v = state.view;
  if (!state.conv || !state.pool) return {"no stepper for the session"};
  const Conv2dGeometry& g = state.conv->geometry();
  if (!GridNameHolds(state.session.conv, v.selected_grid)) broken.push_back("selected grid " + v.selected_grid);
  if (v.editing && !EditedCellHolds(state, *v.editing)) {
    broken.push_back("edited cell " + v.editing->grid + " " + std::to_string(v.editing->y) + "," +
                     std::to_string(v.editing->x));
  }
  if (v.hovered_output && !OutputCellHolds(g, *v.hovered_output)) broken.push_back("hovered output cell");
  if (v.hovered_input && !InputCellHolds(g, *v.hovered_input)) broken.push_back("hovered input cell");
  if (!InRange(v.step, state.conv->TotalSteps())) broken.push_back("step " + std::to_string(v.step));
  if (!InRange(v.glide_from, state.conv->TotalSteps())) broken.push_back("glide from " + std::to_string(v.glide_from));
  if (!InRange(v.pool_step, state.pool->TotalSteps())) broken.push_back("pooling step " + std::to_string(v.pool_step));
  if (v.export_job && !ExportHolds(state, *v.export_job)) broken.push_back("export job steps");
  if (!SelectedActivationHolds(state)) broken.push_back("the network's selected activation");
  return broken;
}

}  // namespace convstep
