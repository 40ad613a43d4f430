// The view's references into the document after edits that remove what they
// name: the regression of the paste into a filter that was just removed,
// and every other reference RevalidateView looks after.
#include <gtest/gtest.h>

#include "app/i18n/i18n.h"
#include "app/state/app_state.h"
#include "app/state/document.h"
#include "app/state/presets.h"
#include "app/state/view_refs.h"

namespace convstep {
namespace {

class ViewRefs : public ::testing::Test {
 protected:
  void SetUp() override {
    SetLanguage(Language::kEnglish);
    Result<Session> preset = LoadPreset("ejemplo_convolucion");  // 5×5×3, two 3×3×3 filters
    ASSERT_TRUE(preset) << preset.error();
    ASSERT_TRUE(state.LoadSession(std::move(preset).value())) << state.view.message;
    ASSERT_EQ(state.session.conv.weight.n, 2);
  }
  AppState state;
};

// Click a kernel cell of filter 1, lower the filters to 1, paste a 3×3
// grid: the paste once wrote past the end of the weights.
TEST_F(ViewRefs, APasteAfterItsFilterWasRemovedNeverWritesOutsideTheWeights) {
  state.view.selected_grid = "kernel/1/0";
  const Tensor4 before = state.session.conv.weight;
  ASSERT_TRUE(state.Edit(SetFilterCount(state.session.conv, 1), "filters"));
  EXPECT_EQ(state.view.selected_grid, "input/0");
  EXPECT_TRUE(DanglingReferences(state).empty());
  PasteText(state, "1 2 3\n4 5 6\n7 8 9");
  // Into channel 0 of the 5×5 input now: another size, so it asks first.
  ASSERT_TRUE(state.view.pending_paste.has_value());
  FinishPaste(state, PasteFit::kTopLeft);
  EXPECT_EQ(state.session.conv.input.at(0, 2, 2), 9.0);
  EXPECT_EQ(state.session.conv.weight.n, 1);
  EXPECT_EQ(state.session.conv.weight.data,
            std::vector<double>(before.data.begin(), before.data.begin() + 27));
}

TEST_F(ViewRefs, APendingPasteForARemovedGridIsDropped) {
  state.view.selected_grid = "kernel/1/2";
  PasteText(state, "1 2\n3 4");  // 2×2 into a 3×3 kernel: waits for the answer
  ASSERT_TRUE(state.view.pending_paste.has_value());
  ASSERT_TRUE(state.Edit(SetFilterCount(state.session.conv, 1), "filters"));
  EXPECT_FALSE(state.view.pending_paste.has_value());
  FinishPaste(state, PasteFit::kResize);  // nothing waits: nothing changes
  EXPECT_EQ(state.session.conv.weight.h, 3);
}

// Resizing a paste into one channel resizes the other two as well; the
// status line and the undo say so.
TEST_F(ViewRefs, AResizingPasteSaysEveryChannelWasResized) {
  state.view.selected_grid = "input/0";
  const Tensor3 before = state.session.conv.input;
  PasteText(state, "1 2\n3 4");
  ASSERT_TRUE(state.view.pending_paste.has_value());
  FinishPaste(state, PasteFit::kResize);
  EXPECT_EQ(state.view.message, "pasted into the input; every channel resized with it: 3×5×5 → 3×2×2");
  EXPECT_EQ(state.session.conv.input.at(2, 1, 1), before.at(2, 1, 1));
  EXPECT_EQ(state.session.conv.input.h, 2);
  EXPECT_EQ(EditText(EditNote{"paste_resize", "input/0", "3×5×5", "3×2×2"}),
            "paste resizing every channel into channel 0 of the input: 3×5×5 → 3×2×2");
}

TEST_F(ViewRefs, EveryReferenceIsClearedOrClampedWhenTheGeometryShrinks) {
  state.view.editing = StartCellEdit("kernel/1/2", 2, 2, 0);
  state.view.hovered_output = OutputCell{1, 2, 2};
  state.view.hovered_input = InputCell{2, 6, 6};
  state.GoToStep(state.conv->TotalSteps() - 1);
  ASSERT_TRUE(state.Edit(ResizeInput(state.session.conv, 1, 3, 3), "size"));
  ASSERT_TRUE(state.Edit(SetFilterCount(state.session.conv, 1), "filters"));
  EXPECT_FALSE(state.view.editing.has_value());
  EXPECT_FALSE(state.view.hovered_output.has_value());
  EXPECT_FALSE(state.view.hovered_input.has_value());
  EXPECT_LT(state.view.step, state.conv->TotalSteps());
  EXPECT_TRUE(DanglingReferences(state).empty());
}

TEST_F(ViewRefs, DanglingReferencesNamesWhatIsBroken) {
  state.view.selected_grid = "kernel/5/0";
  state.view.step = state.conv->TotalSteps();
  const std::vector<std::string> broken = DanglingReferences(state);
  ASSERT_EQ(broken.size(), 2u);
  EXPECT_EQ(broken[0], "selected grid kernel/5/0");
  RevalidateView(state);
  EXPECT_TRUE(DanglingReferences(state).empty());
}

TEST_F(ViewRefs, UndoAndRedoSayWhatTheyUndid) {
  ASSERT_TRUE(state.Edit(SetFilterCount(state.session.conv, 1), "param:filters"));
  state.Undo();
  EXPECT_EQ(state.view.message, "Undid: filters: 2 \u2192 1");
  EXPECT_EQ(state.session.conv.weight.n, 2);
  state.Redo();
  EXPECT_EQ(state.view.message, "Redid: filters: 2 \u2192 1");
  const double old = state.session.conv.weight.at(0, 1, 0, 2);
  ASSERT_NE(old, 7.0);
  ASSERT_EQ(old, static_cast<int>(old));  // the preset's weights are integers
  const std::string from = std::to_string(static_cast<int>(old));
  ASSERT_TRUE(state.Edit(SetCell(state.session.conv, {GridRef::Kind::kKernel, 0, 1}, 0, 2, 7), "cell"));
  state.Undo();
  EXPECT_EQ(state.view.message, "Undid: cell of channel 1 of filter 0 (0, 2): " + from + " \u2192 7");
  SetLanguage(Language::kSpanish);
  state.Redo();
  EXPECT_EQ(state.view.message, "Rehecho: celda en el canal 1 del filtro 0 (0, 2): " + from + " \u2192 7");
}

// A spectrogram's hertz and seconds stay while the grid keeps its rows, go
// when an edit changes them, and come back with the grid on undo.
TEST_F(ViewRefs, SpectrogramAxesGoAndComeBackWithTheirGrid) {
  ASSERT_TRUE(state.Edit(ResizeInput(state.session.conv, 1, 4, 6), "size"));
  Session next = state.session;
  next.input_axes.rows = InputAxes::Rows::kHertz;
  next.input_axes.row_hz = {3000, 2000, 1000, 0};
  next.input_axes.frame_seconds = 0.01;
  ASSERT_TRUE(state.Commit(next, "", {"open", "bands", "", ""}));
  ASSERT_TRUE(state.Edit(SetKernelSize(state.session.conv, {2, 2}), "kernel"));
  EXPECT_EQ(state.session.input_axes.row_hz.size(), 4u);
  ASSERT_TRUE(state.Edit(ResizeInput(state.session.conv, 1, 5, 6), "size"));
  EXPECT_EQ(state.session.input_axes.rows, InputAxes::Rows::kNone);
  state.Undo();
  EXPECT_EQ(state.session.input_axes.row_hz.size(), 4u);
  EXPECT_EQ(state.session.conv.input.h, 4);
}

}  // namespace
}  // namespace convstep
