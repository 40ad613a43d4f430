# Google Benchmark from Debian's libbenchmark-dev. Debian's build prints
# "Library was built as DEBUG" at start-up: the library is optimised anyway.
find_package(benchmark REQUIRED)
