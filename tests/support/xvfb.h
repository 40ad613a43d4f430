// A private X server (Xvfb) for the window's tests. Xvfb picks a free display
// number itself (-displayfd), so parallel test runs never collide.
#pragma once

#include <string>

#include <sys/types.h>

namespace convstep::testing {

class Xvfb {
 public:
  // Starts Xvfb with one screen of this size (WIDTHxHEIGHTxDEPTH);
  // display() is empty on failure.
  explicit Xvfb(const std::string& screen = "1280x800x24");
  ~Xvfb();
  Xvfb(const Xvfb&) = delete;
  Xvfb& operator=(const Xvfb&) = delete;

  const std::string& display() const { return display_; }  // e.g. ":99"

 private:
  pid_t pid_ = -1;
  std::string display_;
};

}  // namespace convstep::testing
