# OpenGL 3.3 core loader generated at build time by Debian's python3-glad
# (glad 2). --reproducible keeps glad from downloading gl.xml. /usr/bin/glad
# is called directly: a python3 earlier on PATH may not be able to import it.
find_program(GLAD_EXECUTABLE glad PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)
add_custom_command(
  OUTPUT ${GLAD_OUT}/src/gl.c ${GLAD_OUT}/include/glad/gl.h
  COMMAND ${GLAD_EXECUTABLE} --quiet --reproducible --api gl:core=3.3 --extensions= --out-path ${GLAD_OUT} c
  COMMENT "Generating the OpenGL 3.3 core loader with glad"
  VERBATIM)
add_library(convstep_glad STATIC ${GLAD_OUT}/src/gl.c)
target_include_directories(convstep_glad SYSTEM PUBLIC ${GLAD_OUT}/include)
target_link_libraries(convstep_glad PUBLIC ${CMAKE_DL_LIBS})
add_library(convstep::glad ALIAS convstep_glad)
