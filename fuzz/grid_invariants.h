// What every grid parser promises, checked on each fuzzed input: a failure
// is a non-empty message without control characters (the CLI prints it as
// its one line on stderr; every reader promises that), and a success is a
// grid within core/grid_limits.h whose shape matches its data and whose
// values are all finite. A broken promise aborts, which libFuzzer reports
// like a crash, with the input that broke it.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/base/result.h"
#include "core/conv/tensor.h"
#include "core/formats/grid_limits.h"

namespace convstep {

inline void Require(bool holds, const char* promise) {
  if (holds) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

// What every reader promises of its failures.
inline void CheckErrorInvariants(const Error& error) {
  Require(!error.message.empty(), "an error has a message");
  for (const char ch : error.message) {
    Require(static_cast<unsigned char>(ch) >= 0x20, "an error is one line without control characters");
  }
}

inline void CheckGridInvariants(const Result<Tensor3>& grid) {
  if (!grid) {
    CheckErrorInvariants(grid.failure());
    return;
  }
  const Tensor3& t = *grid;
  Require(t.c >= 1 && t.c <= kMaxGridChannels, "1 to kMaxGridChannels channels");
  Require(t.h >= 1 && t.h <= kMaxGridSide && t.w >= 1 && t.w <= kMaxGridSide, "1 to kMaxGridSide rows and columns");
  Require(t.data.size() == static_cast<std::size_t>(t.c) * t.h * t.w, "c * h * w values");
  for (double v : t.data) Require(std::isfinite(v), "finite values");
}

}  // namespace convstep
