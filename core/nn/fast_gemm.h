// The one matrix product of the fast training path (fast_network.cpp), in
// float32 on row-major matrices: C = op(A) op(B), or C += op(A) op(B).
// Eigen's GEMM computes it, compiled twice (fast_gemm.cpp for baseline
// x86-64, fast_gemm_avx2.cpp for AVX2 and FMA) and chosen once per process
// by what the processor has, as conv2d.cpp chooses its loops.
#pragma once

namespace convstep::fast_detail {

struct GemmArgs {
  bool trans_a = false;  // A is stored k x m and used transposed
  bool trans_b = false;  // B is stored n x k and used transposed
  int m = 0;             // rows of C
  int n = 0;             // columns of C
  int k = 0;             // the summed dimension
  const float* a = nullptr;
  const float* b = nullptr;
  float* c = nullptr;       // m x n
  bool accumulate = false;  // add to C instead of overwriting it
};

void Gemm(const GemmArgs& g);

// The vector width the product runs with: "AVX2+FMA" or "SSE2", for the
// benchmarks' notes.
const char* GemmKernelName();

}  // namespace convstep::fast_detail
