// Reading specs from JSON (the format of the reference vectors, see
// tests/data and the README) and writing results back. Every problem with a
// user's file becomes an Error naming the field, never an exception.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.h"
#include "core/conv/conv1d.h"
#include "core/conv/conv_spec.h"
#include "core/conv/conv_transpose2d.h"
#include "core/conv/pool1d.h"
#include "core/conv/pool2d.h"
#include "core/conv/tensor.h"

namespace convstep {

using Json = nlohmann::json;

// Parses text into JSON, or says where it is malformed.
Result<Json> ParseJson(const std::string& text);

// [C][L] numbers, every channel of the same length: a signal.
Result<Tensor2> Tensor2FromJson(const Json& j, const std::string& field);
// [C][H][W] numbers; every channel and row must have the same length. A
// string instead names a grid file (.csv, .tsv, .txt or .npy, see
// core/grid_file.h), relative to the current directory.
// `layout` names the levels in error messages.
Result<Tensor3> Tensor3FromJson(const Json& j, const std::string& field,
                                const std::string& layout = "[channels][rows][columns]");
// Four nested levels of numbers, equally ragged-free; `layout` names the
// levels in error messages (Conv2d's weight by default). A string names a
// grid file whose C×H×W grid becomes [1][C][H][W]: for Conv2d one filter,
// for ConvTranspose2d the kernels of one input channel.
Result<Tensor4> Tensor4FromJson(const Json& j, const std::string& field,
                                const std::string& layout = "[filters][channels][rows][columns]");
// A list of numbers.
Result<std::vector<double>> VectorFromJson(const Json& j, const std::string& field);
// Numbers nested `rank` lists deep, in row-major order, every level equally
// long and every number finite; `shape` gets the length of each level.
// Numbers only: unlike the tensor readers above, a string is no file name.
Result<std::vector<double>> NestedNumbersFromJson(const Json& j, int rank, const std::string& field,
                                                  std::vector<int>* shape);
// An int or [h, w]; `fallback` when the field is absent.
Result<Pair> PairFromJson(const Json& spec, const std::string& field, Pair fallback);
// An int, [h, w], [top, bottom, left, right], "valid" or "same" (0 when absent).
Result<PaddingSpec> PaddingFromJson(const Json& spec);
// An int, [left, right], "valid", "same" or "causal" (0 when absent).
Result<Padding1dSpec> Padding1dFromJson(const Json& spec);
// "zeros" (default), "reflect", "replicate" or "circular".
Result<PaddingMode> PaddingModeFromJson(const Json& spec);
// An integer field with a default, and a readable error when it is not one.
Result<int> IntFromJson(const Json& spec, const std::string& field, int fallback);

// The parts every convolution-like spec has: "input", "weight" (whose
// nesting `weight_layout` describes) and an optional "bias". Input and
// weight may each be numbers or a grid file's name, as above.
struct Operands {
  Tensor3 input;
  Tensor4 weight;
  std::vector<double> bias;
};
Result<Operands> OperandsFromJson(const Json& spec, const std::string& weight_layout);

Result<Conv2dSpec> Conv2dSpecFromJson(const Json& spec);

// The format of tests/data/conv1d_cases.json: "input" [C][L], "weight"
// [C_out][C_in/groups][K], optional "bias", "stride", "dilation", "groups"
// (whole numbers), "padding" (a number, [left, right], "valid", "same" or
// "causal") and "padding_mode".
Result<Conv1dSpec> Conv1dSpecFromJson(const Json& spec);

// The format of tests/data/pool1d_cases.json: "input" [C][L], "mode" ("max"
// or "avg"), "kernel", optional "stride" (null or absent: the kernel),
// "padding", "dilation" (whole numbers) and "ceil_mode".
Result<Pool1dSpec> Pool1dSpecFromJson(const Json& spec);

// The format of tests/data/pool2d_cases.json: "input", "mode" ("max" or
// "avg"), "kernel" (an int or [h, w]), optional "stride", "padding",
// "dilation" and "ceil_mode" (true or false).
Result<Pool2dSpec> Pool2dSpecFromJson(const Json& spec);

// The format of tests/data/conv_transpose2d_cases.json: "input", "weight",
// optional "bias", "stride", "padding", "output_padding", "dilation" (each an
// int or [h, w]) and "groups".
Result<ConvTranspose2dSpec> ConvTranspose2dSpecFromJson(const Json& spec);

Json ToJson(const Tensor2& t);
Json ToJson(const Tensor3& t);
Json ToJson(const Padding2& p);
Json ToJson(const Padding4& p);

}  // namespace convstep
