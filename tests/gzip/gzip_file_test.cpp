// Gunzipped and ReadGzipFileAtMost on bytes written by Python's gzip module
// (gzip.compress(data, mtime=0), printed with .hex()): what they hold, and a
// readable, coded error for data that is damaged, cut short or too large.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/gzip/gzip_file.h"

namespace convstep {
namespace {

std::string FromHex(const std::string& hex) {
  std::string bytes;
  for (std::size_t k = 0; k + 1 < hex.size(); k += 2) bytes += static_cast<char>(std::stoi(hex.substr(k, 2), nullptr, 16));
  return bytes;
}

// gzip.compress(b'Fashion-MNIST\n', mtime=0)
const std::string kFashion = FromHex("1f8b0800000000000203734b2ccec8cccfd3f5f5f30c0ee10200b260a4250e000000");
// gzip.compress(b'IDX', mtime=0)
const std::string kIdx = FromHex("1f8b0800000000000203f3748900009a3caf7103000000");
// gzip.compress(bytes(1000), mtime=0)
const std::string kThousandZeros = FromHex("1f8b080000000000020363601805a360140c77000080170b06e8030000");

Error GunzipError(const std::string& bytes, std::size_t max_bytes = 1000) {
  Result<std::string> out = Gunzipped(bytes, max_bytes);
  EXPECT_FALSE(out.ok());
  return out ? Error{""} : out.failure();
}

TEST(Gunzipped, DecompressesWhatPythonCompressed) {
  Result<std::string> out = Gunzipped(kFashion, 1000);
  ASSERT_TRUE(out.ok()) << out.error();
  EXPECT_EQ(*out, "Fashion-MNIST\n");
}

TEST(Gunzipped, MembersOneAfterTheOtherAreOneFile) {
  // As `cat a.gz b.gz | gunzip` and Python's gzip.decompress read them.
  Result<std::string> out = Gunzipped(kFashion + kIdx, 1000);
  ASSERT_TRUE(out.ok()) << out.error();
  EXPECT_EQ(*out, "Fashion-MNIST\nIDX");
}

TEST(Gunzipped, BytesThatAreNotGzipAreTheirOwn) {
  const std::string plain("\0\0\x08\x01\0\0\0\x01\x07", 9);
  Result<std::string> out = Gunzipped(plain, 1000);
  ASSERT_TRUE(out.ok()) << out.error();
  EXPECT_EQ(*out, plain);
  EXPECT_EQ(*Gunzipped("", 1000), "");
}

TEST(Gunzipped, TheLimitIsTheDecompressedSize) {
  Result<std::string> out = Gunzipped(kThousandZeros, 1000);
  ASSERT_TRUE(out.ok()) << out.error();
  EXPECT_EQ(*out, std::string(1000, '\0'));
  const Error e = GunzipError(kThousandZeros, 999);
  EXPECT_EQ(e.code, "gzip.too_large");
  EXPECT_EQ(e.message, "the data decompresses to more than 999 bytes");
  // Found while decompressing, however far the data would go.
  EXPECT_EQ(GunzipError(kThousandZeros + kThousandZeros, 1500).code, "gzip.too_large");
}

TEST(Gunzipped, DataCutShortIsTruncated) {
  const std::string message =
      "the gzip data ends too soon: the file is incomplete (was it cut short while being copied?)";
  for (std::size_t size : {std::size_t{2}, std::size_t{10}, std::size_t{20}, kFashion.size() - 1}) {
    const Error e = GunzipError(kFashion.substr(0, size));
    EXPECT_EQ(e.code, "gzip.truncated") << size;
    EXPECT_EQ(e.message, message) << size;
  }
}

TEST(Gunzipped, DamagedDataSaysWhatZlibFound) {
  std::string crc = kFashion;
  crc[crc.size() - 5] = static_cast<char>(crc[crc.size() - 5] ^ 0xFF);  // the CRC-32 of the data
  const Error e = GunzipError(crc);
  EXPECT_EQ(e.code, "gzip.damaged");
  EXPECT_EQ(e.args, std::vector<std::string>{"incorrect data check"});
  EXPECT_EQ(e.message, "the gzip data is damaged (incorrect data check): it does not decompress");
  std::string block = kFashion;
  block[10] = '\xff';  // the first deflate block's header: Python says "invalid block type"
  EXPECT_EQ(GunzipError(block).args, std::vector<std::string>{"invalid block type"});
  // Bytes after the last member that do not start another.
  EXPECT_EQ(GunzipError(kFashion + "garbage").args, std::vector<std::string>{"incorrect header check"});
}

class GzipFile : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::string path = (std::filesystem::temp_directory_path() / ("convstep_gzip_" + name)).string();
    std::ofstream(path, std::ios::binary) << bytes;
    paths_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const std::string& path : paths_) std::filesystem::remove(path);
  }

  mutable std::vector<std::string> paths_;
};

TEST_F(GzipFile, ReadsCompressedAndPlainFiles) {
  EXPECT_EQ(*ReadGzipFileAtMost(Write("a.gz", kFashion), 100), "Fashion-MNIST\n");
  EXPECT_EQ(*ReadGzipFileAtMost(Write("plain", "IDX"), 100), "IDX");
}

TEST_F(GzipFile, ErrorsNameTheFile) {
  const std::string damaged = Write("damaged.gz", kFashion.substr(0, 20));
  const Error e = ReadGzipFileAtMost(damaged, 100).failure();
  EXPECT_EQ(e.code, "gzip.truncated");
  EXPECT_EQ(e.prefix, "'" + damaged + "': ");
  EXPECT_EQ(e.message.substr(0, e.prefix.size()), e.prefix);
  const std::string zeros = Write("zeros.gz", kThousandZeros);
  EXPECT_EQ(ReadGzipFileAtMost(zeros, 999).error(), "'" + zeros + "': the data decompresses to more than 999 bytes");
  // ReadFileAtMost's own errors, which name the file already.
  const Error missing = ReadGzipFileAtMost("/nonexistent/convstep/a.gz", 100).failure();
  EXPECT_EQ(missing.code, "file.missing");
  EXPECT_EQ(missing.message, "cannot open '/nonexistent/convstep/a.gz': no such file");
}

}  // namespace
}  // namespace convstep
