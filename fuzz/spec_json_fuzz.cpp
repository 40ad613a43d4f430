// libFuzzer target: any bytes as a spec for every spec reader of
// core/formats/spec_json (conv2d, conv1d, pool2d, pool1d, conv_transpose2d)
// and, when one reads, its validation. A failure is one line without
// control characters; a 1-D spec that validates has the 1-D views its
// promises describe (output [C_out][L_out], one visit count per padded
// position, steps that rebuild the output).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/conv/conv1d.h"
#include "core/conv/conv_transpose2d.h"
#include "core/conv/pool1d.h"
#include "core/conv/stepper.h"
#include "core/formats/spec_json.h"
#include "fuzz/grid_invariants.h"

namespace {

// Fuzzed specs stay small enough to step through every output.
constexpr int kMaxSteps = 4096;

template <typename T>
bool CheckMessage(const convstep::Result<T>& r) {
  if (r) return true;
  convstep::Require(!r.error().empty(), "an error has a message");
  for (const char ch : r.error()) {
    convstep::Require(static_cast<unsigned char>(ch) >= 0x20 || ch == '\t', "an error is one line");
  }
  return false;
}

void CheckConv1d(const convstep::Json& json) {
  const convstep::Result<convstep::Conv1dSpec> spec = convstep::Conv1dSpecFromJson(json);
  if (!CheckMessage(spec)) return;
  const convstep::Result<convstep::Conv1dStepper> stepper = convstep::Conv1dStepper::Create(*spec);
  if (!CheckMessage(stepper)) return;
  const convstep::Tensor2& out = stepper->Output();
  convstep::Require(out.c == spec->weight.c && out.l == stepper->OutLength(), "the output is [C_out][L_out]");
  convstep::Require(static_cast<int>(stepper->Visits().size()) == stepper->PaddedLength(),
                    "one visit count per padded position");
  const convstep::Padding2 pad = stepper->padding();
  convstep::Require(pad.left + spec->input.l + pad.right == stepper->PaddedLength(), "the padding adds up");
  if (stepper->TotalSteps() > kMaxSteps) return;
  for (int k = 0; k < stepper->TotalSteps(); ++k) {
    const convstep::ConvStep1d s = stepper->Step(k);
    const double want = out.at(s.out_channel, s.out_x);
    convstep::Require(s.window_left == s.out_x * spec->stride, "the window starts at out_x * stride");
    // The fast forward pass sums in the stepper's order, equal to rounding.
    double scale = std::fabs(s.bias);
    for (const convstep::StepTerm1d& t : s.terms) scale += std::fabs(t.product);
    if (!std::isfinite(scale)) continue;
    convstep::Require(std::fabs(s.value - want) <= 1e-9 * (1.0 + scale), "a step is its output");
  }
}

void CheckPool1d(const convstep::Json& json) {
  const convstep::Result<convstep::Pool1dSpec> spec = convstep::Pool1dSpecFromJson(json);
  if (!CheckMessage(spec)) return;
  const convstep::Result<convstep::Pool1dStepper> stepper = convstep::Pool1dStepper::Create(*spec);
  if (!CheckMessage(stepper)) return;
  const convstep::Tensor2& out = stepper->Output();
  convstep::Require(out.l == stepper->OutLength(), "the output is [C][L_out]");
  for (int a : stepper->Argmax()) convstep::Require(a >= 0 && a < spec->input.l, "an argmax indexes the input");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const convstep::Result<convstep::Json> json = convstep::ParseJson(text);
  if (!CheckMessage(json)) return 0;
  CheckConv1d(*json);
  CheckPool1d(*json);
  const convstep::Result<convstep::Conv2dSpec> conv = convstep::Conv2dSpecFromJson(*json);
  if (CheckMessage(conv)) CheckMessage(convstep::ConvStepper::Create(*conv));
  const convstep::Result<convstep::Pool2dSpec> pool = convstep::Pool2dSpecFromJson(*json);
  if (CheckMessage(pool)) CheckMessage(convstep::Pool2dStepper::Create(*pool));
  const convstep::Result<convstep::ConvTranspose2dSpec> transpose = convstep::ConvTranspose2dSpecFromJson(*json);
  if (CheckMessage(transpose)) CheckMessage(convstep::ConvTranspose2d(*transpose));
  return 0;
}
