# nlohmann-json from Debian's nlohmann-json3-dev (header only).
find_package(nlohmann_json 3.11 REQUIRED)
