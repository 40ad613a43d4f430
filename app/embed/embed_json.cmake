# Writes a .cpp that carries every JSON file of a folder as a string, so the
# program finds its presets and string tables wherever the binary is. Run as
# a build step (cmake -P) so that editing a file rebuilds it.
#   -DJSON_DIR=folder -DOUTPUT=file.cpp -DFUNCTION=name of the accessor
file(GLOB json_files ${JSON_DIR}/*.json)
list(SORT json_files)
set(content "// Generated from ${JSON_DIR} by app/embed_json.cmake.\n#include \"app/embed/embedded_json.h\"\n\nnamespace convstep {\n\nconst std::vector<EmbeddedJson>& ${FUNCTION}() {\n  static const std::vector<EmbeddedJson> files = {\n")
foreach(file ${json_files})
  get_filename_component(name ${file} NAME_WE)
  file(READ ${file} text)
  string(APPEND content "      {\"${name}\", R\"convstep_json(${text})convstep_json\"},\n")
endforeach()
string(APPEND content "  };\n  return files;\n}\n\n}  // namespace convstep\n")
file(WRITE ${OUTPUT}.tmp "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
