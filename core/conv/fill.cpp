#include "core/conv/fill.h"

#include <random>

namespace convstep {

namespace {

struct NamedKernel {
  const char* name;
  double weights[9];
};

constexpr NamedKernel kKernels[] = {
    {"identity", {0, 0, 0, 0, 1, 0, 0, 0, 0}},
    {"box blur", {1 / 9.0, 1 / 9.0, 1 / 9.0, 1 / 9.0, 1 / 9.0, 1 / 9.0, 1 / 9.0, 1 / 9.0, 1 / 9.0}},
    {"Gaussian blur", {1 / 16.0, 2 / 16.0, 1 / 16.0, 2 / 16.0, 4 / 16.0, 2 / 16.0, 1 / 16.0, 2 / 16.0, 1 / 16.0}},
    {"sharpen", {0, -1, 0, -1, 5, -1, 0, -1, 0}},
    {"Sobel x", {-1, 0, 1, -2, 0, 2, -1, 0, 1}},
    {"Sobel y", {-1, -2, -1, 0, 0, 0, 1, 2, 1}},
    {"Laplacian", {0, 1, 0, 1, -4, 1, 0, 1, 0}},
    {"emboss", {-2, -1, 0, -1, 1, 1, 0, 1, 2}},
    {"edge detection", {-1, -1, -1, -1, 8, -1, -1, -1, -1}},
};

}  // namespace

const std::vector<std::string>& ClassicKernelNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const NamedKernel& k : kKernels) v.emplace_back(k.name);
    return v;
  }();
  return names;
}

Result<std::vector<double>> ClassicKernel(const std::string& name) {
  for (const NamedKernel& k : kKernels) {
    if (name == k.name) return std::vector<double>(std::begin(k.weights), std::end(k.weights));
  }
  std::string names;
  for (const NamedKernel& k : kKernels) names += (names.empty() ? "" : ", ") + std::string(k.name);
  return Error{"there is no kernel called '" + name + "': choose one of " + names};
}

Result<bool> FillRandomIntegers(std::vector<double>* values, std::uint32_t seed, int lo, int hi) {
  if (lo > hi) return Error{"the lowest value must not be above the highest"};
  if (static_cast<long long>(hi) - lo > 1000000) return Error{"the range of random values is too wide"};
  std::mt19937 rng(seed);
  const auto span = static_cast<std::uint64_t>(static_cast<long long>(hi) - lo + 1);
  for (double& v : *values) v = static_cast<double>(lo + static_cast<long long>(rng() % span));
  return true;
}

}  // namespace convstep
