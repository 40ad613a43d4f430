#include "tests/support/process.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace convstep::testing {

namespace {

// Single-quotes an argument for sh, closing and reopening around quotes.
std::string Quote(const std::string& arg) {
  std::string q = "'";
  for (char ch : arg) {
    if (ch == '\'') q.append("'\\''");
    else q.push_back(ch);
  }
  q.push_back('\'');
  return q;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string TestTempPath(const std::string& name) {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string id = test != nullptr ? std::string(test->test_suite_name()) + "." + test->name() : "";
  // Parameterised tests are named "Suite/Test/param": one file name, no folders.
  std::replace(id.begin(), id.end(), '/', '_');
  return ::testing::TempDir() + "convstep_" + id + "_" + name;
}

ProcessResult RunProcess(const std::vector<std::string>& args, const std::string& stdin_text) {
  char dir_template[] = "/tmp/convstep-test-XXXXXX";
  const std::string dir = mkdtemp(dir_template);
  const std::string in_path = dir + "/in";
  const std::string out_path = dir + "/out";
  const std::string err_path = dir + "/err";
  std::ofstream(in_path, std::ios::binary) << stdin_text;
  std::ostringstream command;
  for (const std::string& a : args) command << Quote(a) << ' ';
  command << '<' << Quote(in_path) << " >" << Quote(out_path) << " 2>" << Quote(err_path);
  const int status = std::system(command.str().c_str());
  ProcessResult r;
  // The shell reports a child killed by signal N as exit code 128 + N.
  if (WIFEXITED(status) && WEXITSTATUS(status) < 128) r.exit_code = WEXITSTATUS(status);
  r.out = ReadFile(out_path);
  r.err = ReadFile(err_path);
  for (const std::string& p : {in_path, out_path, err_path}) std::remove(p.c_str());
  rmdir(dir.c_str());
  return r;
}

}  // namespace convstep::testing
