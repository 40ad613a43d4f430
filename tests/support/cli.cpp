#include "tests/support/cli.h"

#include <gtest/gtest.h>

#include "core/formats/spec_json.h"

namespace convstep::testing {

ProcessResult Cli(const std::vector<std::string>& args, const std::string& stdin_text) {
  std::vector<std::string> full{CONVSTEP_CLI};
  full.insert(full.end(), args.begin(), args.end());
  return RunProcess(full, stdin_text);
}

void ExpectCleanFailure(const ProcessResult& r, const std::string& should_mention) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "more than one line: " << r.err;
  EXPECT_NE(r.err.find(should_mention), std::string::npos) << r.err;
}

nlohmann::json ExpectJsonOutput(const ProcessResult& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  Result<Json> j = ParseJson(r.out);
  EXPECT_TRUE(j.ok()) << r.out;
  return j ? *j : Json();
}

}  // namespace convstep::testing
