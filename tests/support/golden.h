// Access to PyTorch's reference vectors in tests/data and comparisons of core
// results against them.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "core/conv/tensor.h"
#include "core/formats/spec_json.h"

namespace convstep::testing {

// Parses tests/data/<file>; fails the test (and returns null) if unreadable.
Json LoadGolden(const std::string& file);

// Every value of `actual` within `tolerance` of the nested list `expected`,
// and the shapes equal.
void ExpectTensorNear(const Json& expected, const Tensor3& actual, double tolerance = 1e-9);

// The same for a [C][L] signal.
void ExpectSignalNear(const Json& expected, const Tensor2& actual, double tolerance = 1e-9);

// Whether `actual` has the nesting of `expected` (lists of the same lengths,
// nulls where it has nulls, objects with the same keys) and every number
// within `tolerance` scaled by max(1, |expected|); the failure names the
// first place that differs, e.g. "grads[5].weight[2][7]: 0.25 vs 0.2500001".
::testing::AssertionResult JsonNear(const Json& expected, const Json& actual, double tolerance = 1e-9);

// The spec of a golden case, parsed by the core (a failure fails the test).
Conv2dSpec GoldenConv2dSpec(const Json& spec);

}  // namespace convstep::testing
