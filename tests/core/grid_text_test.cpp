// Text grids as spreadsheets and slides copy them: every separator rule of
// core/grid_text.h with real values, and a readable error, with its line and
// column, for every way the text can be wrong.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/formats/grid_limits.h"
#include "core/formats/grid_text.h"

namespace convstep {
namespace {

Tensor3 Parsed(const std::string& text) {
  Result<Tensor3> t = ParseGridText(text);
  EXPECT_TRUE(t.ok()) << t.error();
  return t ? *t : Tensor3();
}

std::string ErrorOf(const std::string& text) {
  Result<Tensor3> t = ParseGridText(text);
  EXPECT_FALSE(t.ok()) << "parsed: " << text;
  return t ? "" : t.error();
}

void ExpectGrid(const Tensor3& t, int c, int h, int w, const std::vector<double>& data) {
  EXPECT_EQ(t.c, c);
  EXPECT_EQ(t.h, h);
  EXPECT_EQ(t.w, w);
  EXPECT_EQ(t.data, data);
}

// `rows` lines of `cols` copies of "1", joined by `sep`.
std::string Ones(int rows, int cols, const std::string& sep = " ") {
  std::string text;
  for (int y = 0; y < rows; ++y) {
    for (int x = 0; x < cols; ++x) text += (x ? sep : "") + "1";
    text += "\n";
  }
  return text;
}

TEST(GridText, SpacesSeparateAndRunsOfThemCountAsOne) {
  ExpectGrid(Parsed("1 2 3\n4 5 6\n"), 1, 2, 3, {1, 2, 3, 4, 5, 6});
  ExpectGrid(Parsed("  1   -2\n 30  4  "), 1, 2, 2, {1, -2, 30, 4});
}

TEST(GridText, CommasSeparateCellsWhenThereAreNoTabsOrSemicolons) {
  ExpectGrid(Parsed("1,2,3\n4, 5, 6\n"), 1, 2, 3, {1, 2, 3, 4, 5, 6});
  ExpectGrid(Parsed("0.5,-1.25\n"), 1, 1, 2, {0.5, -1.25});
  // The documented rule for the one ambiguous case: without tabs or
  // semicolons a comma always separates, so this is four cells, not two.
  ExpectGrid(Parsed("1,5 2,25\n"), 1, 1, 4, {1, 5, 2, 25});
}

TEST(GridText, AChileanSpreadsheetsSemicolonsMakeCommasDecimal) {
  ExpectGrid(Parsed("1,5;2,25\n-3;4,75\n"), 1, 2, 2, {1.5, 2.25, -3, 4.75});
}

TEST(GridText, AChileanSpreadsheetsTabsMakeCommasDecimal) {
  ExpectGrid(Parsed("1,5\t2,25\n3\t0,125\n"), 1, 2, 2, {1.5, 2.25, 3, 0.125});
  // Decimal points still read as such.
  ExpectGrid(Parsed("1.5\t2,5\n"), 1, 1, 2, {1.5, 2.5});
}

TEST(GridText, TheRuleIsDecidedOnceForTheWholeText) {
  // Only the separating line has a semicolon, and yet every comma in the
  // text is a decimal comma.
  ExpectGrid(Parsed("1,5\n2,5\n;\n3,5\n4,5\n"), 2, 2, 1, {1.5, 2.5, 3.5, 4.5});
  EXPECT_EQ(ErrorOf("1,5\n2;3\n"), "line 2 has 2 values but line 1 has 1");
}

TEST(GridText, NumberForms) {
  ExpectGrid(Parsed("+1 -2.5e-1 .5 1e3 5. -0.1"), 1, 1, 6, {1, -0.25, 0.5, 1000, 5, -0.1});
}

TEST(GridText, BlankLinesSeparateChannels) {
  ExpectGrid(Parsed("1 2\n3 4\n\n5 6\n7 8\n"), 2, 2, 2, {1, 2, 3, 4, 5, 6, 7, 8});
  // Several blank lines, lines of spaces, and blank lines before and after.
  ExpectGrid(Parsed("\n\n1 2\n  \n\t\n\n3 4\n\n\n"), 2, 1, 2, {1, 2, 3, 4});
  // A spreadsheet's empty row copies as tabs only.
  ExpectGrid(Parsed("1\t2\n\t\n3\t4\n"), 2, 1, 2, {1, 2, 3, 4});
  ExpectGrid(Parsed("1,2\n,\n3,4\n"), 2, 1, 2, {1, 2, 3, 4});
}

TEST(GridText, WindowsLineEndsAndExcelsByteOrderMark) {
  ExpectGrid(Parsed("\xEF\xBB\xBF" "1;2\r\n3;4\r\n\r\n5;6\r\n7;8"), 2, 2, 2, {1, 2, 3, 4, 5, 6, 7, 8});
}

TEST(GridText, RaggedRowsNameBothLines) {
  EXPECT_EQ(ErrorOf("1 2 3 4 5\n1 2 3 4 5\n1 2 3 4\n"), "line 3 has 4 values but line 1 has 5");
  // In a later channel, the channel's own first line is the reference.
  EXPECT_EQ(ErrorOf("1 2\n3 4\n\n1 2 3\n4 5\n"), "line 5 has 2 values but line 4 has 3");
}

TEST(GridText, TextThatIsNotANumberGivesLineAndColumn) {
  EXPECT_EQ(ErrorOf("1 2\n3 abc\n"), "line 2, column 2: \"abc\" is not a number");
  EXPECT_EQ(ErrorOf("a,b\n1,2\n"), "line 1, column 1: \"a\" is not a number");
  EXPECT_EQ(ErrorOf("1;2\n3;4,5,6\n"), "line 2, column 2: \"4,5,6\" is not a number");
  EXPECT_EQ(ErrorOf("1 0x10\n"), "line 1, column 2: \"0x10\" is not a number");
  EXPECT_EQ(ErrorOf("1 2\n3 4\xC3\xA9\n"), "line 2, column 2: \"4\xC3\xA9\" is not a number");
  EXPECT_EQ(ErrorOf("1 ++2"), "line 1, column 2: \"++2\" is not a number");
  // Control characters are shown, not printed, and a long cell is cut: the
  // message stays one readable line.
  EXPECT_EQ(ErrorOf("1 2\r3\n"), "line 1, column 2: \"2\\x0d3\" is not a number");
  const std::string e = ErrorOf("1 " + std::string(1000, 'x'));
  EXPECT_EQ(e, "line 1, column 2: \"" + std::string(24, 'x') + "...\" is not a number");
}

TEST(GridText, NaNAndInfinityAreRefused) {
  EXPECT_EQ(ErrorOf("1 nan\n"),
            "line 1, column 2: \"nan\" is not a finite number (NaN and infinity are not allowed)");
  EXPECT_NE(ErrorOf("1\t-Infinity\n").find("line 1, column 2: \"-Infinity\" is not a finite number"),
            std::string::npos);
  EXPECT_NE(ErrorOf("inf").find("not a finite number"), std::string::npos);
  EXPECT_EQ(ErrorOf("1 1e999"), "line 1, column 2: \"1e999\" is out of the range of numbers");
}

// The column is the value's place in its line, as a spreadsheet counts,
// not a count of characters: in "1,nan,3" the NaN is the second value.
TEST(GridText, TheColumnCountsValuesNotCharacters) {
  EXPECT_EQ(ErrorOf("1,nan,3\n"), "line 1, column 2: \"nan\" is not a finite number (NaN and infinity are not allowed)");
  EXPECT_EQ(ErrorOf("10;20;30\n40;50;abc\n"), "line 2, column 3: \"abc\" is not a number");
  EXPECT_EQ(ErrorOf("100   200 x\n"), "line 1, column 3: \"x\" is not a number");
  Result<Tensor3> r = ParseGridText("1,nan,3\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.failure().code, "grid.not_finite");
  EXPECT_EQ(r.failure().args, (std::vector<std::string>{"1", "2", "\"nan\""}));
}

TEST(GridText, EmptyCellsAreErrorsNotZeros) {
  EXPECT_EQ(ErrorOf("1;;2\n"), "line 1, column 2: an empty cell (every cell needs a number)");
  EXPECT_EQ(ErrorOf("1,2,\n3,4,5\n"), "line 1, column 3: an empty cell (every cell needs a number)");
  EXPECT_EQ(ErrorOf("1\t2\n\t3\n"), "line 2, column 1: an empty cell (every cell needs a number)");
}

TEST(GridText, EmptyText) {
  for (const std::string text : {"", "\n", "  \n\t\n", ";;\n", "\xEF\xBB\xBF"}) {
    EXPECT_EQ(ErrorOf(text), "the text has no numbers: a grid needs at least one") << text;
  }
}

TEST(GridText, BinaryContentIsNotATextGrid) {
  const std::string with_nul("1 2\n3\0 4\n", 9);
  EXPECT_EQ(ErrorOf(with_nul), "this is not a text grid: it has binary content at byte 5");
  EXPECT_EQ(ErrorOf("\xFF\xFE" "1\0"), "this is not a text grid: it has binary content at byte 0");
  EXPECT_EQ(ErrorOf("\x89PNG\r\n"), "this is not a text grid: it has binary content at byte 0");
  EXPECT_EQ(ErrorOf("1 2 \xC3"), "this is not a text grid: it has binary content at byte 4");  // cut short
  EXPECT_EQ(ErrorOf("1 \xC0\xAF"), "this is not a text grid: it has binary content at byte 2");  // overlong
  EXPECT_EQ(ErrorOf("1 \xED\xA0\x80"), "this is not a text grid: it has binary content at byte 2");  // surrogate
  EXPECT_EQ(ErrorOf("1 \xF4\x90\x80\x80"), "this is not a text grid: it has binary content at byte 2");  // > U+10FFFF
  EXPECT_EQ(ErrorOf("1 \xE2\x82"), "this is not a text grid: it has binary content at byte 2");
  // Well-formed UTF-8 is text, just not a number.
  EXPECT_EQ(ErrorOf("\xF0\x9F\x98\x80"), "line 1, column 1: \"\xF0\x9F\x98\x80\" is not a number");
}

TEST(GridText, ChannelsOfDifferentSizes) {
  EXPECT_EQ(ErrorOf("1 2\n3 4\n\n5 6\n"),
            "channel 2 (lines 4 to 4) is 1\u00d72 but channel 1 is 2\u00d72: every channel must have the same size");
  EXPECT_EQ(ErrorOf("1 2\n\n3 4\n\n5 6 7\n8 9 10\n"),
            "channel 3 (lines 5 to 6) is 2\u00d73 but channel 1 is 1\u00d72: every channel must have the same size");
}

TEST(GridText, LimitsAreChecked) {
  const Tensor3 widest = Parsed(Ones(kMaxGridSide, kMaxGridSide, ";"));
  EXPECT_EQ(widest.h, kMaxGridSide);
  EXPECT_EQ(widest.w, kMaxGridSide);
  EXPECT_EQ(ErrorOf(Ones(1, kMaxGridSide + 1)),
            "line 1 has more than 256 values: a channel is at most 256 columns wide");
  EXPECT_EQ(ErrorOf(Ones(kMaxGridSide + 1, 2)), "line 257 is row 257 of channel 1: a channel is at most 256 rows tall");

  std::string channels;
  for (int c = 0; c < kMaxGridChannels; ++c) channels += "1 2\n\n";
  EXPECT_EQ(Parsed(channels).c, kMaxGridChannels);
  EXPECT_EQ(ErrorOf(channels + "1 2\n"), "line 33 starts channel 17: a grid has at most 16 channels");

  EXPECT_EQ(ErrorOf(std::string(kMaxGridTextBytes + 1, ' ')),
            "the text is 8388609 bytes long; a grid's text is at most 8 MiB");
}

}  // namespace
}  // namespace convstep
