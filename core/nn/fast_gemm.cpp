#include "core/nn/fast_gemm.h"

#include "core/base/cpu.h"

#define CONVSTEP_GEMM_FUNCTION GemmBaseline
#include "core/nn/fast_gemm_body.inc"

namespace convstep::fast_detail {

// CONVSTEP_GEMM_AVX2 is defined (core/CMakeLists.txt) when fast_gemm_avx2.cpp
// is built: x86-64 with GCC or Clang, unless CONVSTEP_BASELINE_KERNELS keeps
// the baseline copy only (so that the sanitizer build tests it).
#ifdef CONVSTEP_GEMM_AVX2
void GemmAvx2(const GemmArgs& g);

void Gemm(const GemmArgs& g) {
  if (HasAvx2Fma()) {
    GemmAvx2(g);
  } else {
    GemmBaseline(g);
  }
}

const char* GemmKernelName() { return HasAvx2Fma() ? "AVX2+FMA" : "SSE2"; }
#else
void Gemm(const GemmArgs& g) { GemmBaseline(g); }

const char* GemmKernelName() { return "SSE2"; }
#endif

}  // namespace convstep::fast_detail
