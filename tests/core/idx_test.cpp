// IDX files built byte by byte (tests/support/idx_bytes.h): images and labels
// read in C order, and one readable, coded error for every way a file can be
// unsupported or broken, the absurd sizes refused before any allocation.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/formats/idx.h"
#include "tests/support/idx_bytes.h"

namespace convstep {
namespace {

using testing::Idx;
using testing::IdxBytes;

// Bytes 0, 1, 2, ... as a string.
std::string Counting(int n) {
  std::string data;
  for (int k = 0; k < n; ++k) data += static_cast<char>(k);
  return data;
}

Error ImagesError(const std::string& bytes) {
  Result<IdxImages> images = ParseIdxImages(bytes);
  EXPECT_FALSE(images.ok());
  return images ? Error{""} : images.failure();
}

Error LabelsError(const std::string& bytes) {
  Result<std::vector<std::uint8_t>> labels = ParseIdxLabels(bytes);
  EXPECT_FALSE(labels.ok());
  return labels ? Error{""} : labels.failure();
}

void ExpectError(const Error& e, const std::string& code, const std::vector<std::string>& args,
                 const std::string& message) {
  EXPECT_EQ(e.code, code);
  EXPECT_EQ(e.args, args);
  EXPECT_EQ(e.message, message);
}

TEST(Idx, ImagesAreCountRowsColumnsInCOrder) {
  Result<IdxImages> images = ParseIdxImages(IdxBytes({2, 3, 4}, Counting(24)));
  ASSERT_TRUE(images.ok()) << images.error();
  EXPECT_EQ(images->count, 2);
  EXPECT_EQ(images->rows, 3);
  EXPECT_EQ(images->cols, 4);
  ASSERT_EQ(images->pixels.size(), 24u);
  // Image 1, row 2, column 3 is the last byte; image 1, row 0, column 1 the 14th.
  EXPECT_EQ(images->pixels[(1 * 3 + 2) * 4 + 3], 23);
  EXPECT_EQ(images->pixels[(1 * 3 + 0) * 4 + 1], 13);
}

TEST(Idx, PixelsAreUnsigned) {
  Result<IdxImages> images = ParseIdxImages(IdxBytes({1, 1, 3}, "\xff\x80\x7f"));
  ASSERT_TRUE(images.ok()) << images.error();
  EXPECT_EQ(images->pixels, (std::vector<std::uint8_t>{255, 128, 127}));
}

TEST(Idx, LabelsAreOneBytePerItem) {
  Result<std::vector<std::uint8_t>> labels = ParseIdxLabels(IdxBytes({5}, std::string("\x09\x00\x03\x07\x02", 5)));
  ASSERT_TRUE(labels.ok()) << labels.error();
  EXPECT_EQ(*labels, (std::vector<std::uint8_t>{9, 0, 3, 7, 2}));
}

TEST(Idx, TheLargestSizesAreRead) {
  Result<std::vector<std::uint8_t>> labels = ParseIdxLabels(IdxBytes({100000}, std::string(100000, '\x04')));
  ASSERT_TRUE(labels.ok()) << labels.error();
  EXPECT_EQ(labels->size(), 100000u);
  Result<IdxImages> images = ParseIdxImages(IdxBytes({1, 1024, 1024}, std::string(1024 * 1024, '\x01')));
  ASSERT_TRUE(images.ok()) << images.error();
  EXPECT_EQ(images->rows, 1024);
}

TEST(Idx, AnotherFormatIsNotIdx) {
  ExpectError(ImagesError("PK\x03\x04 a zip file"), "idx.not_idx", {"0x504B0304"},
              "this is not an IDX file: it starts with 0x504B0304, and an IDX file starts with two zero bytes");
  // The .gz file itself, not decompressed.
  ExpectError(LabelsError("\x1f\x8b\x08\x08"), "idx.not_idx", {"0x1F8B0808"},
              "this is not an IDX file: it starts with 0x1F8B0808, and an IDX file starts with two zero bytes");
  ExpectError(LabelsError(std::string("\x00\x01", 2)), "idx.not_idx", {"0x0001"},
              "this is not an IDX file: it starts with 0x0001, and an IDX file starts with two zero bytes");
}

TEST(Idx, OnlyUnsignedBytesAreRead) {
  ExpectError(ImagesError(Idx(0x0D, {1, 1, 1}, std::string(4, '\0'))), "idx.not_ubyte", {"0x0D (float32)"},
              "the IDX file holds values of type 0x0D (float32): only unsigned bytes (type 0x08) are read");
  EXPECT_EQ(LabelsError(Idx(0x09, {1}, "\x01")).args, std::vector<std::string>{"0x09 (int8)"});
  EXPECT_EQ(LabelsError(Idx(0x0B, {1}, "\x01\x02")).args, std::vector<std::string>{"0x0B (int16)"});
  EXPECT_EQ(LabelsError(Idx(0x0C, {1}, "\x01\x02\x03\x04")).args, std::vector<std::string>{"0x0C (int32)"});
  EXPECT_EQ(LabelsError(Idx(0x0E, {1}, std::string(8, '\0'))).args, std::vector<std::string>{"0x0E (float64)"});
  // A type the format does not define is named by its number alone.
  EXPECT_EQ(LabelsError(Idx(0x05, {1}, "\x01")).args, std::vector<std::string>{"0x05"});
}

TEST(Idx, ImagesAndLabelsAreNotMixedUp) {
  ExpectError(ImagesError(IdxBytes({2}, "\x01\x02")), "idx.images_rank", {"1"},
              "the IDX file is 1-D: images are 3-D (count, rows, columns)");
  ExpectError(LabelsError(IdxBytes({1, 1, 2}, "\x01\x02")), "idx.labels_rank", {"3"},
              "the IDX file is 3-D: labels are 1-D (one per image)");
}

TEST(Idx, ATruncatedHeaderSaysHowLongItShouldBe) {
  ExpectError(ImagesError(""), "idx.truncated_header", {"0", "4"},
              "the IDX file is truncated: its header needs 4 bytes but the file has 0");
  ExpectError(ImagesError(std::string("\0\0\x08", 3)), "idx.truncated_header", {"3", "4"},
              "the IDX file is truncated: its header needs 4 bytes but the file has 3");
  // Images have three dimensions: 4 + 3 × 4 bytes of header.
  ExpectError(ImagesError(IdxBytes({60000, 28, 28}, "").substr(0, 10)), "idx.truncated_header", {"10", "16"},
              "the IDX file is truncated: its header needs 16 bytes but the file has 10");
  ExpectError(LabelsError(IdxBytes({60000}, "").substr(0, 7)), "idx.truncated_header", {"7", "8"},
              "the IDX file is truncated: its header needs 8 bytes but the file has 7");
}

TEST(Idx, TruncatedOrTrailingDataIsRefused) {
  ExpectError(ImagesError(IdxBytes({2, 3, 3}, Counting(17))), "idx.truncated_data",
              {"2 \u00d7 3 \u00d7 3", "18", "17"},
              "the IDX file is truncated: shape 2 \u00d7 3 \u00d7 3 needs 18 bytes of data but it has 17");
  ExpectError(LabelsError(IdxBytes({4}, Counting(6))), "idx.trailing_data", {"2", "4"},
              "the IDX file has 2 bytes after the data of shape 4");
}

TEST(Idx, AnEmptyShapeIsRefused) {
  ExpectError(ImagesError(IdxBytes({0, 28, 28}, "")), "idx.empty", {"0 \u00d7 28 \u00d7 28"},
              "the IDX file has shape 0 \u00d7 28 \u00d7 28: it is empty");
  EXPECT_EQ(ImagesError(IdxBytes({3, 28, 0}, "")).code, "idx.empty");
  EXPECT_EQ(LabelsError(IdxBytes({0}, "")).code, "idx.empty");
}

TEST(Idx, AbsurdSizesAreRefusedBeforeReadingTheData) {
  // No data follows these headers: the sizes are refused on the header alone.
  ExpectError(LabelsError(IdxBytes({100001}, "")), "idx.too_many", {"100001", "100000"},
              "the IDX file holds 100001 items: at most 100000 are read");
  ExpectError(ImagesError(IdxBytes({4294967295u, 28, 28}, "")), "idx.too_many", {"4294967295", "100000"},
              "the IDX file holds 4294967295 items: at most 100000 are read");
  ExpectError(ImagesError(IdxBytes({1, 28, 1025}, "")), "idx.too_large", {"28", "1025", "1024"},
              "the IDX images are 28 \u00d7 1025 pixels: at most 1024 \u00d7 1024 are read");
  EXPECT_EQ(ImagesError(IdxBytes({1, 4294967295u, 4294967295u}, "")).code, "idx.too_large");
  // Within the limits, the largest product still fits in the count of bytes.
  ExpectError(ImagesError(IdxBytes({100000, 1024, 1024}, "x")), "idx.truncated_data",
              {"100000 \u00d7 1024 \u00d7 1024", "104857600000", "1"},
              "the IDX file is truncated: shape 100000 \u00d7 1024 \u00d7 1024 needs 104857600000 bytes of data "
              "but it has 1");
}

}  // namespace
}  // namespace convstep
