#include "core/session/grid_ref.h"

#include <cstdio>

namespace convstep {

std::optional<GridRef> ParseGridRef(const std::string& name) {
  GridRef ref;
  int used = 0;
  if (std::sscanf(name.c_str(), "kernel/%d/%d%n", &ref.first, &ref.second, &used) == 2 &&
      static_cast<size_t>(used) == name.size()) {
    ref.kind = GridRef::Kind::kKernel;
    return ref;
  }
  used = 0;
  if (std::sscanf(name.c_str(), "input/%d%n", &ref.first, &used) == 1 && static_cast<size_t>(used) == name.size()) {
    return ref;
  }
  return std::nullopt;
}

std::string GridRefName(const GridRef& ref) {
  if (ref.kind == GridRef::Kind::kKernel) return "kernel/" + std::to_string(ref.first) + "/" + std::to_string(ref.second);
  return "input/" + std::to_string(ref.first);
}

bool GridExists(const Conv2dSpec& spec, const GridRef& ref) {
  if (ref.kind == GridRef::Kind::kKernel) {
    return ref.first >= 0 && ref.first < spec.weight.n && ref.second >= 0 && ref.second < spec.weight.c;
  }
  return ref.first >= 0 && ref.first < spec.input.c;
}

int GridRows(const Conv2dSpec& spec, const GridRef& ref) {
  return ref.kind == GridRef::Kind::kKernel ? spec.weight.h : spec.input.h;
}

int GridCols(const Conv2dSpec& spec, const GridRef& ref) {
  return ref.kind == GridRef::Kind::kKernel ? spec.weight.w : spec.input.w;
}

}  // namespace convstep
