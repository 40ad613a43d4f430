// A click on an activation of the shipped network opens the tab that
// computes it on exactly that computation: checked against the forward
// pass's own values, bit for bit, and against the weights of the network.
#include "app/state/network_actions.h"

#include <gtest/gtest.h>

#include "app/state/presets.h"
#include "core/nn/forward.h"

namespace convstep {
namespace {

class NetworkActions : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Session> preset = LoadPreset("ejemplo1");
    ASSERT_TRUE(preset.ok());
    ASSERT_TRUE(state.LoadSession(std::move(preset).value())) << state.view.message;
    state.view.network.example = 3;
    state.view.tab = Tab::kNetwork;
  }
  const Tensor3& Activation(int layer) { return state.CurrentNetworkRun()->activations[static_cast<size_t>(layer)]; }
  AppState state;
};

TEST_F(NetworkActions, TheShippedNetworkIsTheLecturesModelAndClassifiesItsExample) {
  const Network& net = state.ActiveNetwork();
  ASSERT_EQ(net.model.layers.size(), 10u);
  EXPECT_EQ(net.model.layers[3].filters, 64);
  const NetworkRun& run = *state.CurrentNetworkRun();
  ASSERT_TRUE(run.error.empty()) << run.error;
  ASSERT_EQ(run.probabilities.size(), 10u);
  double sum = 0;
  for (double p : run.probabilities) sum += p;
  EXPECT_NEAR(sum, 1.0, 1e-12);
  // Every shipped example is one the network gets right (it was trained to
  // 90 % on the test set, and these are two of each class).
  int right = 0;
  for (size_t e = 0; e < ShippedExamples().size(); ++e) {
    state.view.network.example = static_cast<int>(e);
    const std::vector<double>& p = state.CurrentNetworkRun()->probabilities;
    right += std::max_element(p.begin(), p.end()) - p.begin() == ShippedExamples()[e].label;
  }
  EXPECT_GE(right, 16);
}

TEST_F(NetworkActions, AConvolutionsActivationOpensItsInputAndFilterAtThatStep) {
  const Tensor3 layer_input = Activation(2);  // the first max pooling's output, 32×13×13
  const double shown = Activation(3).at(5, 4, 6);
  ASSERT_TRUE(OpenActivation(state, {3, 5, 4, 6}));
  EXPECT_EQ(state.view.tab, Tab::kConvolution);
  EXPECT_TRUE(state.view.network.opened_from_network);
  const Conv2dSpec& conv = state.session.conv;
  EXPECT_EQ(conv.input.data, layer_input.data);
  ASSERT_EQ(conv.weight.n, 1);
  ASSERT_EQ(conv.weight.c, 32);
  // Filter 5 of layer 4's weight [64][32][3][3], as the network holds it.
  const std::vector<double>& w = state.ActiveNetwork().params[3].weight;
  for (size_t i = 0; i < conv.weight.data.size(); ++i) ASSERT_EQ(conv.weight.data[i], w[5 * 32 * 9 + i]) << i;
  EXPECT_EQ(conv.bias, std::vector<double>{state.ActiveNetwork().params[3].bias[5]});
  EXPECT_EQ(state.session.activation, Activation::kNone);
  const ConvStep step = state.conv->Step(state.view.step);
  EXPECT_EQ(step.out_y, 4);
  EXPECT_EQ(step.out_x, 6);
  // The output map shows the network's value bit for bit (the same
  // Conv2dForward); the step's sum, added up term by term as it is written
  // out, agrees to rounding.
  EXPECT_EQ(state.conv->Output().at(0, 4, 6), shown);
  EXPECT_NEAR(step.value, shown, 1e-12);
  // One undoable change, and Backspace's way back.
  EXPECT_TRUE(state.history.CanUndo());
  BackToNetwork(state);
  EXPECT_EQ(state.view.tab, Tab::kNetwork);
  EXPECT_FALSE(state.view.network.opened_from_network);
}

// The Layers page draws column after column from one run; a click in the
// first opens another tab, a new document and so a new run. The run the
// page holds stays whole to the end of the frame (it was freed under it).
TEST_F(NetworkActions, TheRunAPanelHoldsOutlivesAClickThatChangesTheDocument) {
  const std::shared_ptr<const NetworkRun> held = state.CurrentNetworkRun();
  const std::vector<double> last = held->activations.back().data;
  ASSERT_TRUE(OpenActivation(state, {3, 5, 4, 6}));
  const std::shared_ptr<const NetworkRun> now = state.CurrentNetworkRun();
  EXPECT_NE(now.get(), held.get());  // the document changed: worked out again
  EXPECT_NE(now->key, held->key);
  EXPECT_EQ(held->activations.back().data, last);
  EXPECT_EQ(now->activations.back().data, last);  // the same picture through the same network
}

TEST_F(NetworkActions, AReluAfterAConvolutionOpensTheConvolutionWithReluOn) {
  const double shown = Activation(1).at(7, 10, 12);
  ASSERT_TRUE(OpenActivation(state, {1, 7, 10, 12}));
  EXPECT_EQ(state.session.activation, Activation::kRelu);
  EXPECT_EQ(state.session.conv.input.data, state.CurrentNetworkRun()->input.data);
  const ConvStep step = state.conv->Step(state.view.step);
  EXPECT_EQ(state.ActivatedOutput(0, 10, 12), shown);
  EXPECT_NEAR(Activate(state.session.activation, step.value), shown, 1e-12);
}

TEST_F(NetworkActions, APoolingsActivationOpensThePoolingTabOnItsWindow) {
  const double shown = Activation(2).at(9, 3, 8);
  ASSERT_TRUE(OpenActivation(state, {2, 9, 3, 8}));
  EXPECT_EQ(state.view.tab, Tab::kPooling);
  EXPECT_EQ(state.session.pool.input.data, Activation(1).data);
  EXPECT_EQ(state.pool->Step(state.view.pool_step).value, shown);
}

TEST_F(NetworkActions, ADenseUnitStaysInTheNetworkTabWithItsSumWrittenOut) {
  const Session before = state.session;
  ASSERT_TRUE(OpenActivation(state, {9, 4, 0, 0}));
  EXPECT_EQ(state.view.tab, Tab::kNetwork);
  ASSERT_TRUE(state.view.network.selected.has_value());
  EXPECT_FALSE(state.history.CanUndo());  // nothing in the document changed
  const NetworkRun& run = *state.CurrentNetworkRun();
  const ActivationSum sum = ActivationArithmetic(state.ActiveNetwork(), run.input, run.activations, {9, 4, 0, 0});
  ASSERT_TRUE(sum.valid);
  EXPECT_EQ(sum.inputs, 1152);
  EXPECT_EQ(sum.value, run.logits[4]);
}

// The Test set page's choices on a report made by hand: three classes, the
// most confused pair is the largest count off the diagonal, and a cell's
// pictures come most confident first.
TEST(TestSetPage, TheMostConfusedPairIsShownFirstAndACellListsItsPicturesMostConfidentFirst) {
  auto report = std::make_shared<TestSetReport>();
  report->images = 6;
  report->classes = 3;
  report->labels = {0, 1, 1, 2, 1, 0};
  report->predicted = {0, 2, 2, 2, 0, 0};
  report->confidence = {0.9f, 0.6f, 0.8f, 0.7f, 0.5f, 0.95f};
  report->confusion = {2, 0, 0,   // true 0
                       1, 0, 2,   // true 1: once taken for 0, twice for 2
                       0, 0, 1};  // true 2
  NetworkViewState nv;
  nv.test_report = report;
  EXPECT_EQ(ShownTestCell(nv), std::make_pair(1, 2));
  nv.test_cell = {0, 0};
  EXPECT_EQ(ShownTestCell(nv), std::make_pair(0, 0));
  nv.test_cell = {3, 0};  // not a cell of this report: the most confused again
  EXPECT_EQ(ShownTestCell(nv), std::make_pair(1, 2));
  EXPECT_EQ(CellPictures(*report, 1, 2), (std::vector<int>{2, 1}));  // 0.8 before 0.6
  EXPECT_EQ(CellPictures(*report, 0, 0), (std::vector<int>{5, 0}));  // 0.95 before 0.9
  EXPECT_TRUE(CellPictures(*report, 2, 1).empty());
}

// A report of the shipped network is not drawn once the document holds
// another network (one trained here), and is again after an undo.
TEST_F(NetworkActions, TheTestSetPageShowsOnlyAReportOfTheDocumentsNetwork) {
  state.view.network.test_report = std::make_shared<TestSetReport>();
  state.view.network.test_report_for = nullptr;  // made for the shipped network
  EXPECT_EQ(ShownTestReport(state), state.view.network.test_report.get());
  Session next = state.session;
  next.network = std::make_shared<const Network>(PretrainedNetwork());
  ASSERT_TRUE(state.Commit(std::move(next), "", {"trained", "", "", ""}));
  EXPECT_EQ(ShownTestReport(state), nullptr);
  state.Undo();
  EXPECT_EQ(ShownTestReport(state), state.view.network.test_report.get());
}

}  // namespace
}  // namespace convstep
