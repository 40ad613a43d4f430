#include "core/nn/architectures.h"

#include <cstring>

namespace convstep {

namespace {

LayerSpec Conv(int filters, int kernel, KerasPadding padding = KerasPadding::kValid) {
  LayerSpec l;
  l.type = LayerType::kConv2d;
  l.filters = filters;
  l.kernel_size = {kernel, kernel};
  l.padding = padding;
  return l;
}

LayerSpec Of(LayerType type) {
  LayerSpec l;
  l.type = type;
  return l;
}

LayerSpec Dense(int units) {
  LayerSpec l;
  l.type = LayerType::kDense;
  l.units = units;
  return l;
}

}  // namespace

const char* ArchitectureName(Architecture architecture) {
  switch (architecture) {
    case Architecture::kLecture: return "lecture";
    case Architecture::kLeNet5: return "lenet5";
    case Architecture::kTiny: return "tiny";
  }
  return "lecture";
}

bool ArchitectureFromName(const char* name, Architecture* architecture) {
  for (Architecture a : kAllArchitectures) {
    if (std::strcmp(name, ArchitectureName(a)) == 0) {
      *architecture = a;
      return true;
    }
  }
  return false;
}

Model ArchitectureModel(Architecture architecture) {
  Model m;
  m.height = 28;
  m.width = 28;
  m.channels = 1;
  const LayerSpec relu = Of(LayerType::kReLU);
  const LayerSpec max_pool = Of(LayerType::kMaxPool2d);
  const LayerSpec avg_pool = Of(LayerType::kAvgPool2d);
  const LayerSpec flatten = Of(LayerType::kFlatten);
  switch (architecture) {
    case Architecture::kLecture:
      m.layers = {Conv(32, 3), relu, max_pool, Conv(64, 3), relu, max_pool, Conv(128, 3), relu, flatten, Dense(10)};
      break;
    case Architecture::kLeNet5:
      m.layers = {Conv(6, 5, KerasPadding::kSame), relu, avg_pool, Conv(16, 5), relu, avg_pool, flatten,
                  Dense(120), relu, Dense(84), relu, Dense(10)};
      break;
    case Architecture::kTiny: m.layers = {Conv(8, 3), relu, max_pool, flatten, Dense(10)}; break;
  }
  return m;
}

}  // namespace convstep
