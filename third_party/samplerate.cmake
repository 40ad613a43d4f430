# libsamplerate 0.2 from Debian's libsamplerate0-dev (BSD): band-limited
# resampling of the sounds, through samplerate.pc.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SAMPLERATE REQUIRED IMPORTED_TARGET samplerate>=0.2)
add_library(convstep::samplerate ALIAS PkgConfig::SAMPLERATE)
