# zlib from Debian's zlib1g-dev (zlib licence): the gzip-compressed data sets
# (app/gzip).
find_package(ZLIB REQUIRED)
add_library(convstep::zlib ALIAS ZLIB::ZLIB)
