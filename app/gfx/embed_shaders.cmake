# Writes a header that carries the shaders' GLSL text as string constants, so
# the program needs no files beside it. Run as a build step (cmake -P) so
# that editing a shader rebuilds it.
#   -DSHADER_DIR=folder -DOUTPUT=file.h
# shaders/heatmap.vert becomes kHeatmapVertexSource, heatmap.frag
# kHeatmapFragmentSource.
file(GLOB shader_files ${SHADER_DIR}/*.vert ${SHADER_DIR}/*.frag)
list(SORT shader_files)
set(content "// Generated from ${SHADER_DIR} by app/gfx/embed_shaders.cmake.\n#pragma once\n\nnamespace convstep::gfx {\n\n")
foreach(file ${shader_files})
  get_filename_component(name ${file} NAME_WE)
  get_filename_component(ext ${file} EXT)
  if(ext STREQUAL ".vert")
    set(stage Vertex)
  else()
    set(stage Fragment)
  endif()
  # heatmap -> Heatmap, grid_lines -> GridLines
  string(REPLACE "_" ";" words ${name})
  set(camel "")
  foreach(word ${words})
    string(SUBSTRING ${word} 0 1 first)
    string(SUBSTRING ${word} 1 -1 rest)
    string(TOUPPER ${first} first)
    string(APPEND camel "${first}${rest}")
  endforeach()
  file(READ ${file} text)
  string(FIND "${text}" ")convstep_glsl\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw string's delimiter")
  endif()
  string(APPEND content "inline constexpr char k${camel}${stage}Source[] = R\"convstep_glsl(${text})convstep_glsl\";\n\n")
endforeach()
string(APPEND content "}  // namespace convstep::gfx\n")
file(WRITE ${OUTPUT}.tmp "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
