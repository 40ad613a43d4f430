// Binary files compiled into the program (see app/embed/embedded_binary.cpp).
#pragma once

#include <string_view>

namespace convstep {

// assets/networks/fashion_pretrained.json.gz: the network that ships with
// the program, gzip-compressed (the JSON is 1.4 MB, this is a third of it).
std::string_view EmbeddedPretrainedNetwork();

}  // namespace convstep
