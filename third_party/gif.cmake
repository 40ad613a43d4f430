# giflib 5.2 from Debian's libgif-dev (animated GIF export), through the
# libgif.pc it ships.
find_package(PkgConfig REQUIRED)
pkg_check_modules(GIF REQUIRED IMPORTED_TARGET libgif)
add_library(convstep::gif ALIAS PkgConfig::GIF)
