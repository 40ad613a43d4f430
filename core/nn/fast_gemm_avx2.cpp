// The AVX2 + FMA copy of the float GEMM (fast_gemm.h), compiled with -mavx2
// -mfma (core/CMakeLists.txt) and called only on processors that have both.
//
// Eigen is a header library: compiled here with other flags, its functions
// would be the same inline symbols as the baseline copy's, and the linker
// would keep one of them for both. Renaming its namespace for this file
// keeps the two copies apart. The only other inline functions this file
// emits (at -O0: std::min and std::max of long, the constructors of
// std::exception and std::bad_alloc; at -O2 none) compile to no AVX
// instruction (objdump), so whichever copy of them the linker keeps runs
// on any x86-64.
#include "core/nn/fast_gemm.h"

#define Eigen convstep_eigen_avx2
#define CONVSTEP_GEMM_FUNCTION GemmAvx2
#include "core/nn/fast_gemm_body.inc"
