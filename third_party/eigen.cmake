# Eigen 3.4 from Debian's libeigen3-dev (header only): the audio room's FFT,
# unsupported/Eigen/FFT (KISS FFT inside), and the float GEMM of the fast
# training path (core/nn/fast_gemm). Eigen3::Eigen is an imported
# target, so its headers come in as SYSTEM and their warnings stay silent.
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
add_library(convstep::eigen ALIAS Eigen3::Eigen)
