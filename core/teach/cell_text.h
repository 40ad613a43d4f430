// What a grid cell prints for its value. A cell has room for a few
// characters: the window prints the longest of these texts that fits and
// keeps the exact value for the cell's tooltip, so 1/9 reads "0.11" in a
// kernel cell rather than spilling over its neighbours as "0.1111".
#pragma once

#include <string>
#include <vector>

namespace convstep {

// From the text of the arithmetic (FormatValue) down to the shortest that
// still reads as the value: three, then two significant digits, then the
// leading zero dropped (".11", "-.5"). Each text is shorter than the one
// before it; integers and short decimals have just one.
std::vector<std::string> CellTextCandidates(double v);

}  // namespace convstep
