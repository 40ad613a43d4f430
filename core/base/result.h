// Result<T>: a value or a message a student can read. The core never throws
// across its API and never aborts on a user's file; every fallible function
// returns one of these instead (see DESIGN.md, "Conventions").
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace convstep {

struct Error {
  Error(std::string english) : message(std::move(english)) {}  // NOLINT(google-explicit-constructor)
  // A message a window can say in its language too.
  Error(std::string sentence_code, std::vector<std::string> values, std::string english)
      : message(std::move(english)), code(std::move(sentence_code)), args(std::move(values)) {}

  std::string message;  // English, as the CLI prints it
  // Which sentence the message is ("grid.not_a_number"), with the values it
  // names in the order of {0}, {1}, ...: the core's messages are English, the
  // window looks the code up in its tables. Empty when no window translates it.
  std::string code;
  std::vector<std::string> args;
  // What both the message and its translation start with as it is: the path
  // of the file the sentence is about ("'a.csv': ").
  std::string prefix;
};

// `e` inside `prefix`, for its message and its translation alike.
inline Error Prefixed(const std::string& prefix, Error e) {
  e.message = prefix + e.message;
  e.prefix = prefix + e.prefix;
  return e;
}

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  const std::string& error() const { return std::get<Error>(state_).message; }
  // The whole error, code and all, to hand on or to translate.
  const Error& failure() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace convstep
