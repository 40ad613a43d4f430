# Writes presets_data.cpp: every assets/presets/*.json as a string, so the
# program carries its presets. Run as a build step (cmake -P) so that editing
# a preset rebuilds it.
file(GLOB preset_files ${PRESET_DIR}/*.json)
list(SORT preset_files)
set(content "// Generated from assets/presets by app/embed_presets.cmake.\n#include \"app/presets.h\"\n\nnamespace convstep {\n\nconst std::vector<EmbeddedPreset>& EmbeddedPresets() {\n  static const std::vector<EmbeddedPreset> presets = {\n")
foreach(file ${preset_files})
  get_filename_component(name ${file} NAME_WE)
  file(READ ${file} text)
  string(APPEND content "      {\"${name}\", R\"convstep_json(${text})convstep_json\"},\n")
endforeach()
string(APPEND content "  };\n  return presets;\n}\n\n}  // namespace convstep\n")
file(WRITE ${OUTPUT}.tmp "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
