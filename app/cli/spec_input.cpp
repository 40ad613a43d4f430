#include "app/cli/spec_input.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace convstep::cli {

Result<Json> ReadJsonArgument(const std::string& path) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) return Error{"cannot open '" + path + "': " + std::strerror(errno)};
    std::ostringstream buffer;
    buffer << file.rdbuf();
    if (file.bad()) return Error{"cannot read '" + path + "'"};
    text = buffer.str();
  }
  return ParseJson(text);
}

std::string Print(const Json& j) { return j.dump() + "\n"; }

}  // namespace convstep::cli
