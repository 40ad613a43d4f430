// Fill tools for grids: zeros, random integers from a seed (so a class can
// share a set), and the classic kernels by name.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/conv/tensor.h"

namespace convstep {

// The classic 3×3 kernels' names, in menu order: identity, box blur,
// Gaussian blur, sharpen, Sobel x, Sobel y, Laplacian, emboss, edge detection.
const std::vector<std::string>& ClassicKernelNames();

// The named kernel's 3×3 weights, row-major (box and Gaussian blur
// normalised to sum 1, so they keep the image's brightness).
Result<std::vector<double>> ClassicKernel(const std::string& name);

// Every value of `values` a uniform random integer in [lo, hi], the same
// sequence for the same seed on every machine (std::mt19937 with a portable
// mapping to the range, not std::uniform_int_distribution, whose output the
// standard leaves to the library).
Result<bool> FillRandomIntegers(std::vector<double>* values, std::uint32_t seed, int lo, int hi);

}  // namespace convstep
