// One function per panel, one panel per file. Each draws into the region
// the layout gives it (the current ImGui window or child) from the AppState,
// and changes the session only through AppState's Try*/Set* functions.
#pragma once

#include "app/app_state.h"
#include "imgui.h"

namespace convstep {

void DrawControlsPanel(AppState& state);     // play, step, speed, timeline
void DrawParametersPanel(AppState& state);   // kernel, stride, padding, dilation, filters, ...
void DrawInputPanel(AppState& state);        // the channels, padding ring, window, visits
void DrawKernelsPanel(AppState& state);      // every filter's channel slices and bias
void DrawArithmeticPanel(AppState& state);   // the current step written out
void DrawOutputPanel(AppState& state);       // the feature maps filling in
void DrawOutputSizePanel(AppState& state);   // (N - F + 2P)/S + 1 with the numbers in
void DrawPoolingPanel(AppState& state);      // max/average pooling, its own stepper
void DrawMatrixPanel(AppState& state);       // im2col: patches, weights, product
void DrawSummaryPanel(AppState& state);      // the Keras model summary and its layers

}  // namespace convstep
