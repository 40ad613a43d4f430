# GLFW 3.3 from Debian's libglfw3-dev, through pkg-config.
find_package(PkgConfig REQUIRED)
pkg_check_modules(GLFW3 REQUIRED IMPORTED_TARGET glfw3)
add_library(convstep::glfw ALIAS PkgConfig::GLFW3)
