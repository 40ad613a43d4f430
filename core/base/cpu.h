// What the processor offers beyond the baseline the library is compiled for:
// the fast loops (conv2d.cpp, nn/fast_gemm.cpp) carry a second copy built
// for AVX2 and FMA and ask this which one to run.
#pragma once

namespace convstep {

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
inline bool HasAvx2Fma() {
  static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return has;
}
#else
inline bool HasAvx2Fma() { return false; }
#endif

}  // namespace convstep
