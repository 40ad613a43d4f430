// Grids as text, the way a spreadsheet or the lecture's slides copy them:
//
//   1,5<TAB>2,25        1;2;3          1, 2, 3        1 2 3
//   3<TAB>4,75          4;5;6          4, 5, 6        4 5 6
//
// - One line per row. Lines end in \n or \r\n; a UTF-8 byte-order mark at
//   the start (Excel's "CSV UTF-8") is skipped.
// - A line with no numbers (empty, or only spaces and separators) separates
//   channels; the result is C × H × W, every channel the same size.
// - Separators, decided once for the whole text so that every line reads the
//   same way:
//     * if the text has a tab or a semicolon anywhere, tabs and semicolons
//       separate cells and a comma is a decimal comma (what a spreadsheet in a
//       decimal-comma locale such as Chile's copies, or saves as CSV);
//     * otherwise a comma separates cells (plain CSV), so "1,5" is two cells.
//       A decimal comma therefore needs tabs or semicolons between values.
//   Spaces separate values in every case, and runs of spaces count as one;
//   two tabs, semicolons or commas with nothing between them are an empty
//   cell, which is an error (a missing value is not silently a zero).
// - Cells are decimal numbers as C++'s from_chars reads them ("-2", "0.5",
//   ".5", "1e-3"), with an optional leading "+". No thousands separators.
//
// Errors name the line and, for a cell, its column (counted in characters
// from 1): ragged rows, text that is not a number, NaN or infinity, empty
// text, binary content, channels of different sizes, and grids over the
// limits of core/grid_limits.h. Text longer than kMaxGridTextBytes is
// refused before it is read.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/base/result.h"
#include "core/conv/tensor.h"

namespace convstep {

// 8 MiB: a full-size grid (16 channels of 256 × 256) at about eight
// characters a value.
constexpr std::size_t kMaxGridTextBytes = std::size_t{8} << 20;

Result<Tensor3> ParseGridText(std::string_view text);

}  // namespace convstep
