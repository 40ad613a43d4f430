// JSON files compiled into the program (see app/embed_json.cmake).
#pragma once

#include <vector>

namespace convstep {

struct EmbeddedJson {
  const char* name;  // the file name without .json
  const char* json;
};

const std::vector<EmbeddedJson>& EmbeddedPresets();       // assets/presets
const std::vector<EmbeddedJson>& EmbeddedStringTables();  // assets/lang: "en", "es"
const std::vector<EmbeddedJson>& EmbeddedNetworks();      // assets/networks: the pretrained network, examples

}  // namespace convstep
