// The AVX2 + FMA copy of the float GEMM (fast_gemm.h), compiled with -mavx2
// -mfma (core/CMakeLists.txt) and called only on processors that have both.
//
// Eigen is a header library: compiled here with other flags, its functions
// would be the same inline symbols as the baseline copy's, and the linker
// would keep one of them for both. Renaming its namespace for this file
// keeps the two copies apart. Nothing else here is instantiated from a
// header, so no other inline function of this file can stand in for a
// baseline one.
#include "core/nn/fast_gemm.h"

#define Eigen convstep_eigen_avx2
#define CONVSTEP_GEMM_FUNCTION GemmAvx2
#include "core/nn/fast_gemm_body.inc"
