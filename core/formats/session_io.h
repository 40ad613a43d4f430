// Saving and opening sessions: the JSON writers that mirror the readers of
// spec_json.h, pool2d.h, model_summary.h and session.h; session files written
// so that a crash never leaves half of one; and the output as CSV.
//
// Index of this file:
// [SECTION] JSON writers
// [SECTION] Files
// [SECTION] Output as CSV
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/result.h"
#include "core/conv/conv_spec.h"
#include "core/conv/pool2d.h"
#include "core/conv/tensor.h"
#include "core/formats/file_io.h"
#include "core/nn/model_summary.h"
#include "core/formats/spec_json.h"
#include "core/session/session.h"

namespace convstep {

// The writers keep their fields in the order of the structs (input before
// weight, a layer's "type" first), which nlohmann::json would sort away.
using OrderedJson = nlohmann::ordered_json;

// [SECTION] JSON writers
//
// One rule for every spec: a field is written only when it differs from what
// the reader assumes when it is absent, so a saved session reads like the
// presets and like the PyTorch or Keras call it stands for. What the readers
// require (a conv's input and weight, a pool's mode and kernel, a layer's
// defining size: filters and kernel_size, pool_size, units, rate) is always
// written. Whole numbers are written as integers (1, not 1.0) and other
// numbers in the shortest form that reads back as the same double, so
// save -> load -> save gives the same bytes.

// Padding keeps the form it was given: "valid" and "same" as strings, amounts
// as one number, [h, w] or [top, bottom, left, right], whichever is shortest.
OrderedJson Conv2dSpecToJson(const Conv2dSpec& spec);
// "stride" only when set: absent means the kernel size.
OrderedJson Pool2dSpecToJson(const Pool2dSpec& spec);
OrderedJson ModelToJson(const Model& model);
// {"schema_version", "title", "conv", "activation", "pool", "model",
// "network" (only when trained here: none means the one that ships), "step"}:
// the other session-level fields are always written.
OrderedJson SessionToJson(const Session& session);

// The text of a session file: SessionToJson laid out as
// scripts/make_presets.py lays out the presets (two-space indent, a list of
// numbers on one line, so a grid reads row by row like the slide).
std::string SessionToText(const Session& session);
// {"schema_version": 1, "title", "conv": conv2d spec, "activation":
//  "none"|"relu", "pool": pool2d spec, "model": model, "step"}. A file
// without "schema_version" (the shipped presets) is version 1, one without
// "step" starts at step 0 and one past the end at the last step; a newer
// schema is refused rather than misread.
// Every part is checked, so a session that loads is one the window can show.
Result<Session> SessionFromJson(const Json& j);

// Parses and checks the text of a session file (ParseJson, SessionFromJson).
Result<Session> SessionFromText(const std::string& text);

// [SECTION] Files
//
// Errors name the file, as the grid files' do: "cannot open 'a.json': no
// such file", "'a.json': malformed JSON: ... at line 3, column 7: ...".

// 64 MiB: several times a session at the grid limits (16 channels of
// 256 × 256 in the conv and pooling inputs); a larger file is the wrong file.
constexpr std::size_t kMaxSessionFileBytes = std::size_t{64} << 20;

Result<Session> LoadSessionFile(const std::string& path);
Result<bool> SaveSessionFile(const std::string& path, const Session& session);

// [SECTION] Output as CSV

// The feature maps as CSV: each channel a block of rows of comma-separated
// values, blocks separated by a blank line, every line ending in a newline.
// Values are in the shortest form that reads back as the same double, so
// reading the file back (core/grid_text.h) gives exactly what was computed.
// Meant for a whole output: the NaN of a cell not yet computed is written
// "nan", which the grid reader refuses.
std::string OutputCsv(const Tensor3& output);

}  // namespace convstep
