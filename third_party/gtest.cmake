# GoogleTest from Debian's libgtest-dev.
find_package(GTest REQUIRED)
include(GoogleTest)
