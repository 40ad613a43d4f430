// What a click in the Network tab does to the document: an activation opens
// the tab that computes it, on exactly that computation — that layer's
// input as the input grid, that filter as the kernel (or that pooling
// window), at that step — as one undoable change; Backspace comes back.
#pragma once

#include "app/state/app_state.h"

namespace convstep {

// The picture the Network tab sends through the network: the canvas while
// drawing, else the test picture opened, else the chosen example.
const Tensor3& NetworkInput(const AppState& state);

// Opens the Convolution tab (a conv2d layer's activation, or the ReLU right
// after one: with its activation on), the Pooling tab (a pooling layer's),
// or selects it to show its arithmetic in the Network tab (a dense unit and
// every other layer). False, with the reason on the status line, when the
// computation does not fit the tab (it always fits for the shipped network).
bool OpenActivation(AppState& state, const ActivationRef& ref);

// Once a frame: starts classifying the test set when its page shows and
// there is no report of the network shown (none yet, or one of another
// network), and takes a finished job's report or its error.
void ServiceTestSet(AppState& state);
// The report the Test set page draws: none while it is of another network
// than the document's (trained, or undone, while the page was away), whose
// filters are not this network's; the page's service makes the new one.
const TestSetReport* ShownTestReport(const AppState& state);
// The Test set page's cell of the confusion matrix: the one chosen, else
// the most confused pair (the largest count off the diagonal; the first
// in row-major order among equal ones).
std::pair<int, int> ShownTestCell(const NetworkViewState& nv);
// The test pictures of a cell, [truth][predicted], the most confident
// predictions first.
std::vector<int> CellPictures(const TestSetReport& report, int truth, int predicted);
// Test picture `index` through the network, on the Layers page; false when
// the data set is not read or there is no such picture.
bool ShowTestPicture(AppState& state, int index);

// Back to the Network tab from the tab an activation opened.
void BackToNetwork(AppState& state);

// The model the training choices name: one of kAllArchitectures, or the
// summary tab's model.
Model TrainingModel(const AppState& state);
// Starts training the model chosen from new weights (the seed's), off the
// UI thread; false, with the reason on the status line, when it cannot.
bool StartTraining(AppState& state);
// Once a frame: takes a finished job's network into the document (one
// undoable change) or its error onto the status line.
void ServiceTraining(AppState& state);

}  // namespace convstep
