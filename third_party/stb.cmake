# stb from Debian's libstb-dev. libstb already holds the implementations
# (stbi_load, stbi_write_png, ...): never define STB_*_IMPLEMENTATION.
find_package(PkgConfig REQUIRED)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
add_library(convstep::stb ALIAS PkgConfig::STB)
