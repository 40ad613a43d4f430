# CLI11 from Debian's libcli11-dev (header only).
find_package(CLI11 2.1 REQUIRED)
