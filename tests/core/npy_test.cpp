// NumPy's .npy files, built byte by byte: every supported dtype and format
// version with real values, and a readable error for every way a file can be
// unsupported or broken.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/formats/npy.h"
#include "tests/support/npy_bytes.h"

namespace convstep {
namespace {

using testing::LittleEndian;
using testing::Npy;
using testing::NpyDict;

Tensor3 Parsed(const std::string& bytes) {
  Result<Tensor3> t = ParseNpy(bytes);
  EXPECT_TRUE(t.ok()) << t.error();
  return t ? *t : Tensor3();
}

std::string ErrorOf(const std::string& bytes) {
  Result<Tensor3> t = ParseNpy(bytes);
  EXPECT_FALSE(t.ok());
  return t ? "" : t.error();
}

void ExpectGrid(const Tensor3& t, int c, int h, int w, const std::vector<double>& data) {
  EXPECT_EQ(t.c, c);
  EXPECT_EQ(t.h, h);
  EXPECT_EQ(t.w, w);
  EXPECT_EQ(t.data, data);
}

const std::string kF4 = LittleEndian<float>({1.5f, -2.0f, 0.25f, 3.0f, 4.0f, 5.0f});

TEST(Npy, Float32TwoDimensionalIsOneChannel) {
  ExpectGrid(Parsed(Npy(NpyDict("<f4", "(2, 3)"), kF4)), 1, 2, 3, {1.5, -2, 0.25, 3, 4, 5});
}

TEST(Npy, Float64ThreeDimensionalIsChannelsRowsColumns) {
  const std::string data = LittleEndian<double>({0.1, 2, 3, 4, 5, 6, 7, -8.5});
  ExpectGrid(Parsed(Npy(NpyDict("<f8", "(2, 2, 2)"), data)), 2, 2, 2, {0.1, 2, 3, 4, 5, 6, 7, -8.5});
}

TEST(Npy, EveryFormatVersion) {
  for (int major : {1, 2, 3}) {
    ExpectGrid(Parsed(Npy(NpyDict("<f4", "(3, 2)"), kF4, major)), 1, 3, 2, {1.5, -2, 0.25, 3, 4, 5});
  }
}

TEST(Npy, EveryIntegerDtype) {
  ExpectGrid(Parsed(Npy(NpyDict("|i1", "(1, 3)"), LittleEndian<std::int8_t>({-128, 0, 127}))), 1, 1, 3,
             {-128, 0, 127});
  ExpectGrid(Parsed(Npy(NpyDict("<i1", "(1, 2)"), LittleEndian<std::int8_t>({-1, 5}))), 1, 1, 2, {-1, 5});
  ExpectGrid(Parsed(Npy(NpyDict("|u1", "(1, 3)"), LittleEndian<std::uint8_t>({0, 128, 255}))), 1, 1, 3,
             {0, 128, 255});
  ExpectGrid(Parsed(Npy(NpyDict("<i2", "(1, 3)"), LittleEndian<std::int16_t>({-32768, -2, 32767}))), 1, 1, 3,
             {-32768, -2, 32767});
  ExpectGrid(Parsed(Npy(NpyDict("<i4", "(1, 3)"),
                        LittleEndian<std::int32_t>({std::numeric_limits<std::int32_t>::min(), -3, 70000}))),
             1, 1, 3, {-2147483648.0, -3, 70000});
  ExpectGrid(Parsed(Npy(NpyDict("<i8", "(1, 3)"),
                        LittleEndian<std::int64_t>({-9007199254740992LL, -4, 1LL << 40}))),
             1, 1, 3, {-9007199254740992.0, -4, 1099511627776.0});
}

TEST(Npy, HeaderVariantsNumPyHasWritten) {
  // Keys in another order, double quotes, no trailing comma, and Python 2's
  // long integers in the shape.
  ExpectGrid(Parsed(Npy("{\"shape\": (2L, 3L), \"fortran_order\": False, \"descr\": \"<f4\"}", kF4)), 1, 2, 3,
             {1.5, -2, 0.25, 3, 4, 5});
}

TEST(Npy, UnsupportedDtypes) {
  EXPECT_EQ(ErrorOf(Npy(NpyDict(">f4", "(2, 3)"), kF4)),
            "the .npy data is big-endian ('>f4'): save it little-endian, e.g. a.astype('<f4')");
  EXPECT_EQ(ErrorOf(Npy(NpyDict(">i8", "(1, 1)"), LittleEndian<std::int64_t>({1}))),
            "the .npy data is big-endian ('>i8'): save it little-endian, e.g. a.astype('<i8')");
  const std::string supported =
      ": use float32, float64, int8, int16, int32, int64 or uint8 (e.g. a.astype(np.float32))";
  for (const std::string descr : {"<f2", "<u2", "<u8", "|b1", "<c8", "<U5", "|f4", "=f8", "f8", ""}) {
    EXPECT_EQ(ErrorOf(Npy(NpyDict(descr, "(1, 1)"), LittleEndian<double>({1}))),
              "the .npy dtype '" + descr + "' is not supported" + supported);
  }
  EXPECT_EQ(ErrorOf(Npy("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1, 1), }", kF4)),
            "the .npy array has a structured dtype: save a plain numeric array instead");
}

TEST(Npy, FortranOrderIsRefused) {
  EXPECT_EQ(ErrorOf(Npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", kF4)),
            "the .npy array is in Fortran order: save np.ascontiguousarray(a) instead");
}

TEST(Npy, HeadersThatDoNotParse) {
  const auto error_of_header = [](const std::string& dict) { return ErrorOf(Npy(dict, kF4)); };
  EXPECT_EQ(error_of_header("{'descr': '<f4' 'fortran_order': False, 'shape': (2, 3)}"),
            "the .npy header does not parse at character 17: expected ',' or '}'");
  EXPECT_EQ(error_of_header("['descr', '<f4']"), "the .npy header does not parse at character 1: expected '{'");
  EXPECT_EQ(error_of_header("{'descr': '<f4', 'fortran_order': 0, 'shape': (2, 3)}"),
            "the .npy header does not parse at character 35: expected True or False");
  EXPECT_EQ(error_of_header("{'descr': '<f4', 'fortran_order': False, 'shape': [2, 3]}"),
            "the .npy header does not parse at character 51: expected a tuple such as (3, 4)");
  EXPECT_EQ(error_of_header("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -3)}"),
            "the .npy header does not parse at character 55: expected a whole number in the shape");
  EXPECT_EQ(error_of_header("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3}"),
            "the .npy header does not parse at character 56: expected ',' or ')' in the shape");
  EXPECT_EQ(error_of_header("{'descr: '<f4'}"),
            "the .npy header does not parse at character 11: expected ':' after 'descr: '");
  EXPECT_EQ(error_of_header("{'descr': '<f4"),
            "the .npy header does not parse at character 11: a string is not closed");
  EXPECT_EQ(error_of_header("{'descr': '<f4', 'fortran\norder': False}"),
            "the .npy header does not parse at character 26: a string holds a byte that is not printable ASCII");
  EXPECT_EQ(error_of_header("{'descr': '<f4\\'}"),
            "the .npy header does not parse at character 15: escapes in strings are not supported");
  EXPECT_EQ(error_of_header("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'x': 1}"),
            "the .npy header does not parse at character 59: unknown key 'x' (np.save writes only 'descr', "
            "'fortran_order' and 'shape')");
  EXPECT_EQ(error_of_header("{'descr': '<f4', 'descr': '<f4'}"),
            "the .npy header does not parse at character 18: 'descr' appears twice");
  EXPECT_EQ(error_of_header("{'descr': '<f4', 'fortran_order': False}"), "the .npy header has no 'shape'");
  EXPECT_EQ(error_of_header("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)} x"),
            "the .npy header does not parse at character 59: unexpected text after the closing '}'");
  EXPECT_EQ(error_of_header("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999, 3)}"),
            "the .npy header does not parse at character 62: a dimension of the shape is far too large");
}

TEST(Npy, OnlyTwoOrThreeDimensions) {
  const std::string tail = ": a grid is 2-D (rows, columns) or 3-D (channels, rows, columns)";
  EXPECT_EQ(ErrorOf(Npy(NpyDict("<f4", "(6,)"), kF4)), "the .npy array has shape (6,)" + tail);
  EXPECT_EQ(ErrorOf(Npy(NpyDict("<f4", "()"), kF4)), "the .npy array has shape ()" + tail);
  EXPECT_EQ(ErrorOf(Npy(NpyDict("<f4", "(1, 1, 2, 3)"), kF4)), "the .npy array has shape (1, 1, 2, 3)" + tail);
  EXPECT_EQ(ErrorOf(Npy(NpyDict("<f4", "(0, 3)"), "")), "the .npy array has shape (0, 3): it is empty");
}

TEST(Npy, LimitsAreCheckedBeforeTheDataIsRead) {
  // No data at all: the shape alone is refused, nothing allocated for it.
  const std::string tail = ": a grid has at most 16 channels of 256\u00d7256";
  EXPECT_EQ(ErrorOf(Npy(NpyDict("<f8", "(17, 2, 2)"), "")), "the .npy array has shape (17, 2, 2)" + tail);
  EXPECT_EQ(ErrorOf(Npy(NpyDict("<f8", "(1, 257)"), "")), "the .npy array has shape (1, 257)" + tail);
  EXPECT_EQ(ErrorOf(Npy(NpyDict("<f8", "(100000, 100000)"), "")), "the .npy array has shape (100000, 100000)" + tail);
  // A 256 x 256 grid is fine.
  const std::string zeros(std::size_t{256} * 256, '\0');
  EXPECT_EQ(Parsed(Npy(NpyDict("|u1", "(256, 256)"), zeros)).data.size(), 65536u);
  // A header longer than any np.save writes (version 2 stores 4 bytes of length).
  std::string huge = "\x93NUMPY\x02";
  huge += std::string("\0\0\0\x01\0", 5);
  EXPECT_EQ(ErrorOf(huge), "the .npy header is 65536 bytes long; at most 65535 are read");
}

TEST(Npy, TruncatedAndOverlongFiles) {
  const std::string full = Npy(NpyDict("<f4", "(2, 3)"), kF4);
  EXPECT_EQ(ErrorOf(full.substr(0, full.size() - 1)),
            "the .npy file is truncated: shape (2, 3) needs 24 bytes of data but it has 23");
  EXPECT_EQ(ErrorOf(full + "x"),
            "the .npy file has 1 bytes after the data of shape (2, 3) (were several arrays saved into one file?)");
  EXPECT_EQ(ErrorOf(full.substr(0, 40)),
            "the .npy file is truncated: its header should be 118 bytes but the file ends after 30");
  EXPECT_EQ(ErrorOf(full.substr(0, 9)), "the .npy file is truncated: it ends inside its preamble");
  EXPECT_EQ(ErrorOf(Npy(NpyDict("<f4", "(2, 3)"), kF4, 2).substr(0, 11)),
            "the .npy file is truncated: it ends inside its preamble");
}

TEST(Npy, NotNpyAtAll) {
  for (const std::string bytes : {"", "1,2\n3,4\n", "\x93NUM", "\x89PNG\r\n\x1a\n"}) {
    EXPECT_EQ(ErrorOf(bytes), "this is not a .npy file: it does not start with \\x93NUMPY");
  }
}

TEST(Npy, UnknownVersions) {
  std::string v4 = Npy(NpyDict("<f4", "(2, 3)"), kF4, 2);
  v4[6] = 4;
  EXPECT_EQ(ErrorOf(v4), "the .npy format version 4.0 is not supported: versions 1.0, 2.0 and 3.0 are");
  std::string v11 = Npy(NpyDict("<f4", "(2, 3)"), kF4);
  v11[7] = 1;
  EXPECT_EQ(ErrorOf(v11), "the .npy format version 1.1 is not supported: versions 1.0, 2.0 and 3.0 are");
}

TEST(Npy, NaNAndInfinityAreNamedByTheirIndex) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  EXPECT_EQ(ErrorOf(Npy(NpyDict("<f4", "(2, 3)"), LittleEndian<float>({1, 2, 3, 4, nan, 6}))),
            "the .npy array holds NaN at a[1, 1]: a grid needs finite numbers");
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(ErrorOf(Npy(NpyDict("<f8", "(2, 1, 2)"), LittleEndian<double>({1, 2, 3, -inf}))),
            "the .npy array holds infinity at a[1, 0, 1]: a grid needs finite numbers");
}

}  // namespace
}  // namespace convstep
