// The assembler's .incbin puts the file's bytes into the program as they
// are: no hex dump through CMake, nothing to generate. CONVSTEP_PRETRAINED
// is the file's absolute path as a string literal (app/CMakeLists.txt,
// which also makes this file depend on it).
#include "app/embed/embedded_binary.h"

__asm__(".pushsection .rodata\n"
        ".balign 16\n"
        "convstep_pretrained_begin:\n"
        ".incbin \"" CONVSTEP_PRETRAINED "\"\n"
        "convstep_pretrained_end:\n"
        ".popsection\n");

extern "C" const char convstep_pretrained_begin[];
extern "C" const char convstep_pretrained_end[];

namespace convstep {

std::string_view EmbeddedPretrainedNetwork() {
  return {convstep_pretrained_begin, static_cast<size_t>(convstep_pretrained_end - convstep_pretrained_begin)};
}

}  // namespace convstep
