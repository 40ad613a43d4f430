// Tables an instructor pastes into slides or a spreadsheet: a labelled
// matrix as CSV, a GitHub Markdown pipe table or a LaTeX tabular, and
// builders for the im2col patch matrix, the output feature maps and the Keras
// model summary. Every line ends in a newline.
//
// - CSV: comma-separated, numbers in the shortest form that reads back as the
//   same double; a label with a comma, quote or line break is quoted as
//   RFC 4180 says ("c0 (0,0)" has a comma).
// - Markdown: a header row is required, so without column labels the columns
//   are numbered 1..n; numeric columns are right-aligned (---:) and numbers
//   are written as FormatValue writes them on the slides; "|" in a label is
//   escaped.
// - LaTeX: a tabular with an l column for row labels and r columns for
//   numbers, \hline under the header, LaTeX's special characters in labels
//   escaped (_ % & # $ { } ~ ^ \). Numbers stay in text mode, as FormatValue
//   writes them, except that each minus sign is written $-$: text mode would
//   print a hyphen, visibly shorter than the minus of the slide's arithmetic,
//   while wrapping whole numbers in $...$ would set "nan" or "1e-05" in math
//   italics.
// CSV and LaTeX have a header row only when column labels are given.
#pragma once

#include <string>
#include <vector>

#include "core/conv/im2col.h"
#include "core/conv/tensor.h"
#include "core/nn/model_summary.h"

namespace convstep {

enum class TableFormat { kCsv, kMarkdown, kLatex };

// `values` is rows × cols, row-major. Labels are optional: an empty vector
// means none, otherwise there is one per row or column. With row labels the
// header's first cell (the corner) is empty.
std::string MatrixTable(const std::vector<double>& values, int rows, int cols,
                        const std::vector<std::string>& row_labels,
                        const std::vector<std::string>& col_labels, TableFormat format);

// The patch matrix: rows labelled "c0 (0,0)" (input channel, then kernel
// offset y,x), columns "w0", "w1", ... (windows in row-major order).
std::string Im2colTable(const Im2Col& m, const Conv2dGeometry& g, TableFormat format);

// One table per output channel, unlabelled, separated by a blank line; in
// Markdown and LaTeX each is preceded by a caption line "filter c" and a
// blank line. The CSV is therefore exactly what OutputCsv writes.
std::string OutputTable(const Tensor3& output, TableFormat format);

// Keras's summary columns "Layer (type)", "Output Shape", "Param #" with the
// cells as model.summary() prints them: "conv2d (Conv2D)",
// "(None, 30, 30, 32)", "896". The three totals follow: in CSV as final rows
// ("Total params,,113738", plain numbers for a spreadsheet); in Markdown and
// LaTeX as Keras's three lines ("Total params: 113,738") after a blank line,
// joined by hard line breaks (a trailing "\" in Markdown, "\\" in LaTeX) so
// that they do not run together into one line.
std::string SummaryTable(const ModelSummary& s, TableFormat format);

}  // namespace convstep
