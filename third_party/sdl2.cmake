# SDL 2 from Debian's libsdl2-dev (zlib licence), through sdl2.pc. Only its
# audio subsystem is used (app/sound/player.cpp): GLFW stays the window.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SDL2 REQUIRED IMPORTED_TARGET sdl2>=2.0.18)
add_library(convstep::sdl2 ALIAS PkgConfig::SDL2)
