# libsndfile 1.2 from Debian's libsndfile1-dev (LGPL, linked dynamically):
# WAV, FLAC, OGG Vorbis and Opus, MP3 and more, through sndfile.pc.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SNDFILE REQUIRED IMPORTED_TARGET sndfile>=1.1)
add_library(convstep::sndfile ALIAS PkgConfig::SNDFILE)
