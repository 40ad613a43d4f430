// libFuzzer target: any bytes as a session file. A session that loads must
// be one the window can show (its convolution and pooling validate), and
// must save and load back to the same text (the byte-identical re-save that
// Save relies on). A failure is one line without control characters.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/conv/pool2d.h"
#include "core/conv/stepper.h"
#include "core/formats/session_io.h"
#include "fuzz/grid_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const convstep::Result<convstep::Session> session = convstep::SessionFromText(text);
  if (!session) {
    convstep::Require(!session.error().empty(), "an error has a message");
    for (const char ch : session.error()) {
      convstep::Require(static_cast<unsigned char>(ch) >= 0x20 || ch == '\t', "an error is one line");
    }
    return 0;
  }
  convstep::Require(convstep::ConvStepper::Create(session->conv).ok(), "a loaded convolution validates");
  convstep::Require(convstep::Pool2dStepper::Create(session->pool).ok(), "a loaded pooling validates");
  const std::string saved = convstep::SessionToText(*session);
  const convstep::Result<convstep::Session> again = convstep::SessionFromText(saved);
  convstep::Require(again.ok(), "a saved session loads");
  convstep::Require(convstep::SessionToText(*again) == saved, "save, load, save gives the same text");
  return 0;
}
