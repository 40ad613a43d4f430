// Index of this file:
// [SECTION] Cells
// [SECTION] Layout
// [SECTION] Public API

#include "core/teach/table_export.h"

#include <cstddef>
#include <iterator>
#include <utility>

#include "core/base/shortest_number.h"
#include "core/teach/step_text.h"

namespace convstep {

namespace {

using Row = std::vector<std::string>;

// [SECTION] Cells

// A label as text of `format`: quoted in CSV when a comma, quote or line
// break would otherwise split it, escaped in Markdown and LaTeX.
std::string LabelCell(const std::string& label, TableFormat format) {
  std::string cell;
  switch (format) {
    case TableFormat::kCsv:
      if (label.find_first_of(",\"\r\n") == std::string::npos) return label;
      cell = "\"";
      for (char ch : label) cell += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      return cell + "\"";
    case TableFormat::kMarkdown:
      for (char ch : label) cell += ch == '|' ? std::string("\\|") : std::string(1, ch);
      return cell;
    case TableFormat::kLatex:
      for (char ch : label) {
        switch (ch) {
          case '_': case '%': case '&': case '#': case '$': case '{': case '}':
            cell += '\\';
            cell += ch;
            break;
          // These three have no \-escape: \~ and \^ are accents, \\ a line break.
          case '~': cell += "\\textasciitilde{}"; break;
          case '^': cell += "\\textasciicircum{}"; break;
          case '\\': cell += "\\textbackslash{}"; break;
          default: cell += ch;
        }
      }
      return cell;
  }
  return label;
}

// A number as text of `format` (see the header for the LaTeX minus).
std::string NumberCell(double v, TableFormat format) {
  std::string cell;
  switch (format) {
    case TableFormat::kCsv:
      AppendShortest(v, &cell);
      return cell;
    case TableFormat::kMarkdown:
      return FormatValue(v);
    case TableFormat::kLatex:
      for (char ch : FormatValue(v)) cell += ch == '-' ? std::string("$-$") : std::string(1, ch);
      return cell;
  }
  return cell;
}

// [SECTION] Layout

std::string Joined(const Row& cells, const char* separator) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) line += (i == 0 ? "" : separator) + cells[i];
  return line;
}

// Lays out cells already written for `format`. `align` has one 'l' or 'r'
// per column; an empty header means no header row (Markdown requires one,
// so its callers always give one).
std::string LaidOut(const Row& header, const std::vector<Row>& rows, const std::string& align,
                    TableFormat format) {
  std::string out;
  switch (format) {
    case TableFormat::kCsv:
      if (!header.empty()) out += Joined(header, ",") + "\n";
      for (const Row& row : rows) out += Joined(row, ",") + "\n";
      return out;
    case TableFormat::kMarkdown: {
      out += "| " + Joined(header, " | ") + " |\n|";
      for (char a : align) out += a == 'r' ? " ---: |" : " --- |";
      out += "\n";
      for (const Row& row : rows) out += "| " + Joined(row, " | ") + " |\n";
      return out;
    }
    case TableFormat::kLatex:
      out += "\\begin{tabular}{" + align + "}\n";
      if (!header.empty()) out += Joined(header, " & ") + " \\\\\n\\hline\n";
      for (const Row& row : rows) out += Joined(row, " & ") + " \\\\\n";
      return out + "\\end{tabular}\n";
  }
  return out;
}

}  // namespace

// [SECTION] Public API

std::string MatrixTable(const std::vector<double>& values, int rows, int cols,
                        const std::vector<std::string>& row_labels,
                        const std::vector<std::string>& col_labels, TableFormat format) {
  const bool labelled_rows = !row_labels.empty();
  std::string align = labelled_rows ? "l" : "";
  align.append(static_cast<size_t>(cols), 'r');

  Row header;
  if (!col_labels.empty() || format == TableFormat::kMarkdown) {
    if (labelled_rows) header.emplace_back();
    for (int c = 0; c < cols; ++c) {
      header.push_back(col_labels.empty() ? std::to_string(c + 1)
                                          : LabelCell(col_labels[static_cast<size_t>(c)], format));
    }
  }
  std::vector<Row> body(static_cast<size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    Row& row = body[static_cast<size_t>(r)];
    if (labelled_rows) row.push_back(LabelCell(row_labels[static_cast<size_t>(r)], format));
    for (int c = 0; c < cols; ++c) {
      row.push_back(NumberCell(values[static_cast<size_t>(r) * static_cast<size_t>(cols) + static_cast<size_t>(c)],
                               format));
    }
  }
  return LaidOut(header, body, align, format);
}

std::string Im2colTable(const Im2Col& m, const Conv2dGeometry& g, TableFormat format) {
  // Row r is (channel, ky, kx) in row-major order, as BuildIm2Col lays it out.
  std::vector<std::string> row_labels;
  for (int r = 0; r < m.rows; ++r) {
    const int c = r / (g.kernel_h * g.kernel_w);
    const int ky = r / g.kernel_w % g.kernel_h;
    const int kx = r % g.kernel_w;
    row_labels.push_back("c" + std::to_string(c) + " (" + std::to_string(ky) + "," + std::to_string(kx) + ")");
  }
  std::vector<std::string> col_labels;
  for (int c = 0; c < m.cols; ++c) col_labels.push_back("w" + std::to_string(c));
  return MatrixTable(m.patches, m.rows, m.cols, row_labels, col_labels, format);
}

std::string OutputTable(const Tensor3& output, TableFormat format) {
  const size_t plane = static_cast<size_t>(output.h) * static_cast<size_t>(output.w);
  std::string out;
  for (int c = 0; c < output.c; ++c) {
    if (c > 0) out += "\n";
    if (format != TableFormat::kCsv) out += "filter " + std::to_string(c) + "\n\n";
    const auto first = output.data.begin() + static_cast<std::ptrdiff_t>(plane * static_cast<size_t>(c));
    out += MatrixTable(std::vector<double>(first, first + static_cast<std::ptrdiff_t>(plane)), output.h, output.w,
                       {}, {}, format);
  }
  return out;
}

std::string SummaryTable(const ModelSummary& s, TableFormat format) {
  Row header;
  for (const char* title : {"Layer (type)", "Output Shape", "Param #"}) header.push_back(LabelCell(title, format));
  std::vector<Row> rows;
  for (const LayerSummary& layer : s.layers) {
    rows.push_back({LabelCell(layer.name + " (" + KerasClassName(layer.type) + ")", format),
                    LabelCell(KerasShapeText(layer.output_shape), format), std::to_string(layer.params)});
  }
  const std::pair<const char*, long long> totals[] = {{"Total params", s.total_params},
                                                      {"Trainable params", s.trainable_params},
                                                      {"Non-trainable params", s.non_trainable_params}};
  if (format == TableFormat::kCsv) {
    for (const auto& [name, count] : totals) rows.push_back({name, "", std::to_string(count)});
    return LaidOut(header, rows, "llr", format);
  }
  const char* line_break = format == TableFormat::kMarkdown ? "\\\n" : "\\\\\n";
  std::string out = LaidOut(header, rows, "llr", format) + "\n";
  for (size_t i = 0; i < std::size(totals); ++i) {
    out += std::string(totals[i].first) + ": " + WithThousands(totals[i].second);
    out += i + 1 < std::size(totals) ? line_break : "\n";
  }
  return out;
}

}  // namespace convstep
