// Reading a JSON spec named on the command line: a path, or "-" for stdin.
#pragma once

#include <string>

#include "core/base/result.h"
#include "core/formats/spec_json.h"

namespace convstep::cli {

Result<Json> ReadJsonArgument(const std::string& path);

// JSON text for stdout: compact, one document per line.
std::string Print(const Json& j);

}  // namespace convstep::cli
