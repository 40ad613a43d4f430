// Tables for slides: a small matrix written out in each format, LaTeX's
// escaping, the lecture's im2col slide, the CIFAR summary and the output as
// CSV that reads back.
#include <gtest/gtest.h>

#include "core/conv/im2col.h"
#include "core/formats/grid_text.h"
#include "core/formats/model_json.h"
#include "core/formats/session_io.h"
#include "core/nn/model_summary.h"
#include "core/teach/table_export.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::GoldenConv2dSpec;
using testing::LoadGolden;

// Exact in CSV (1/3 in full), as on a slide in Markdown and LaTeX (0.3333).
const std::vector<double> kSmall{1, -2.5, 1.0 / 3, 1000};

TEST(TableExport, SmallMatrixAsCsv) {
  EXPECT_EQ(MatrixTable(kSmall, 2, 2, {"a", "b"}, {"x", "y"}, TableFormat::kCsv),
            ",x,y\n"
            "a,1,-2.5\n"
            "b,0.3333333333333333,1000\n");
  EXPECT_EQ(MatrixTable(kSmall, 2, 2, {}, {}, TableFormat::kCsv),
            "1,-2.5\n"
            "0.3333333333333333,1000\n");
}

TEST(TableExport, SmallMatrixAsMarkdown) {
  EXPECT_EQ(MatrixTable(kSmall, 2, 2, {"a", "b"}, {"x", "y"}, TableFormat::kMarkdown),
            "|  | x | y |\n"
            "| --- | ---: | ---: |\n"
            "| a | 1 | -2.5 |\n"
            "| b | 0.3333 | 1000 |\n");
  // Markdown needs a header: without labels the columns are numbered.
  EXPECT_EQ(MatrixTable(kSmall, 2, 2, {}, {}, TableFormat::kMarkdown),
            "| 1 | 2 |\n"
            "| ---: | ---: |\n"
            "| 1 | -2.5 |\n"
            "| 0.3333 | 1000 |\n");
}

TEST(TableExport, SmallMatrixAsLatex) {
  EXPECT_EQ(MatrixTable(kSmall, 2, 2, {"a", "b"}, {"x", "y"}, TableFormat::kLatex),
            "\\begin{tabular}{lrr}\n"
            " & x & y \\\\\n"
            "\\hline\n"
            "a & 1 & $-$2.5 \\\\\n"
            "b & 0.3333 & 1000 \\\\\n"
            "\\end{tabular}\n");
  EXPECT_EQ(MatrixTable(kSmall, 2, 2, {}, {}, TableFormat::kLatex),
            "\\begin{tabular}{rr}\n"
            "1 & $-$2.5 \\\\\n"
            "0.3333 & 1000 \\\\\n"
            "\\end{tabular}\n");
}

TEST(TableExport, LatexEscapesSpecialCharactersInLabels) {
  EXPECT_EQ(MatrixTable({7}, 1, 1, {"a_b 50% & #1"}, {"$x$ {y} ~z ^2 \\n"}, TableFormat::kLatex),
            "\\begin{tabular}{lr}\n"
            " & \\$x\\$ \\{y\\} \\textasciitilde{}z \\textasciicircum{}2 \\textbackslash{}n \\\\\n"
            "\\hline\n"
            "a\\_b 50\\% \\& \\#1 & 7 \\\\\n"
            "\\end{tabular}\n");
}

TEST(TableExport, CsvQuotesAndMarkdownEscapesLabelsThatWouldSplitACell) {
  EXPECT_EQ(MatrixTable({7}, 1, 1, {"c0 (0,0)"}, {"say \"hi\""}, TableFormat::kCsv),
            ",\"say \"\"hi\"\"\"\n"
            "\"c0 (0,0)\",7\n");
  EXPECT_EQ(MatrixTable({7}, 1, 1, {"a|b"}, {}, TableFormat::kMarkdown),
            "|  | 1 |\n"
            "| --- | ---: |\n"
            "| a\\|b | 7 |\n");
}

TEST(TableExport, Im2colMarkdownHasTheSlidesPatchMatrix) {
  const Json seeds = LoadGolden("seed_examples.json");
  Result<ConvStepper> stepper = ConvStepper::Create(GoldenConv2dSpec(seeds["example1_valid_stride2"]["spec"]));
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  const std::string table = Im2colTable(BuildIm2Col(*stepper), stepper->geometry(), TableFormat::kMarkdown);
  EXPECT_EQ(table.substr(0, table.find('\n', table.find('\n') + 1) + 1),
            "|  | w0 | w1 | w2 | w3 |\n"
            "| --- | ---: | ---: | ---: | ---: |\n");
  EXPECT_NE(table.find("| c0 (0,0) | 1 | 0 | 1 | 1 |\n"), std::string::npos) << table;
  // Channel 1 is the slide (tests/data/seed_examples.json holds its rows).
  const std::string slide =
      "| c1 (0,0) | 0 | 2 | 4 | 2 |\n"
      "| c1 (0,1) | 1 | 2 | 3 | 1 |\n"
      "| c1 (0,2) | 2 | 0 | 2 | 2 |\n"
      "| c1 (1,0) | 1 | 0 | 0 | 2 |\n"
      "| c1 (1,1) | 2 | 0 | 2 | 1 |\n"
      "| c1 (1,2) | 0 | 2 | 2 | 0 |\n"
      "| c1 (2,0) | 4 | 2 | 2 | 3 |\n"
      "| c1 (2,1) | 3 | 1 | 1 | 0 |\n"
      "| c1 (2,2) | 2 | 2 | 3 | 0 |\n";
  EXPECT_EQ(table.substr(table.size() - slide.size()), slide) << table;
  // The literal above is the data file's slide, row by row.
  const Json& rows = seeds["im2col_channel_b_valid_stride2"];
  ASSERT_EQ(rows.size(), 9u);
  for (int r = 0; r < 9; ++r) {
    std::string line = "| c1 (" + std::to_string(r / 3) + "," + std::to_string(r % 3) + ") |";
    for (const Json& v : rows[r]) line += " " + std::to_string(v.get<int>()) + " |";
    EXPECT_NE(slide.find(line + "\n"), std::string::npos) << line;
  }
}

ModelSummary CifarSummary() {
  const Json seeds = LoadGolden("seed_examples.json");
  Result<Model> model = ModelFromJson(seeds["keras_cifar_summary"]["model"]);
  EXPECT_TRUE(model.ok()) << model.error();
  Result<ModelSummary> summary = SummarizeModel(*model);
  EXPECT_TRUE(summary.ok()) << summary.error();
  return *summary;
}

TEST(TableExport, CifarSummaryAsKerasPrintsIt) {
  const ModelSummary summary = CifarSummary();
  const std::string markdown = SummaryTable(summary, TableFormat::kMarkdown);
  EXPECT_EQ(markdown.substr(0, markdown.find("| max")),
            "| Layer (type) | Output Shape | Param # |\n"
            "| --- | --- | ---: |\n"
            "| conv2d (Conv2D) | (None, 30, 30, 32) | 896 |\n");
  EXPECT_NE(markdown.find("| max_pooling2d_1 (MaxPooling2D) | (None, 6, 6, 64) | 0 |\n"), std::string::npos);
  const std::string tail =
      "| dense (Dense) | (None, 10) | 20490 |\n"
      "\n"
      "Total params: 113,738\\\n"
      "Trainable params: 113,738\\\n"
      "Non-trainable params: 0\n";
  EXPECT_EQ(markdown.substr(markdown.size() - tail.size()), tail) << markdown;

  const std::string latex = SummaryTable(summary, TableFormat::kLatex);
  EXPECT_EQ(latex,
            "\\begin{tabular}{llr}\n"
            "Layer (type) & Output Shape & Param \\# \\\\\n"
            "\\hline\n"
            "conv2d (Conv2D) & (None, 30, 30, 32) & 896 \\\\\n"
            "max\\_pooling2d (MaxPooling2D) & (None, 15, 15, 32) & 0 \\\\\n"
            "conv2d\\_1 (Conv2D) & (None, 13, 13, 64) & 18496 \\\\\n"
            "max\\_pooling2d\\_1 (MaxPooling2D) & (None, 6, 6, 64) & 0 \\\\\n"
            "conv2d\\_2 (Conv2D) & (None, 4, 4, 128) & 73856 \\\\\n"
            "flatten (Flatten) & (None, 2048) & 0 \\\\\n"
            "dense (Dense) & (None, 10) & 20490 \\\\\n"
            "\\end{tabular}\n"
            "\n"
            "Total params: 113,738\\\\\n"
            "Trainable params: 113,738\\\\\n"
            "Non-trainable params: 0\n");

  const std::string csv = SummaryTable(summary, TableFormat::kCsv);
  EXPECT_EQ(csv.substr(0, csv.find("max")),
            "Layer (type),Output Shape,Param #\n"
            "conv2d (Conv2D),\"(None, 30, 30, 32)\",896\n");
  const std::string csv_tail =
      "dense (Dense),\"(None, 10)\",20490\n"
      "Total params,,113738\n"
      "Trainable params,,113738\n"
      "Non-trainable params,,0\n";
  EXPECT_EQ(csv.substr(csv.size() - csv_tail.size()), csv_tail) << csv;
}

TEST(TableExport, OutputCsvIsOutputCsvAndReadsBack) {
  Tensor3 output(2, 2, 3);
  for (size_t i = 0; i < output.data.size(); ++i) output.data[i] = (static_cast<double>(i) - 4) / 3;
  const std::string csv = OutputTable(output, TableFormat::kCsv);
  EXPECT_EQ(csv, OutputCsv(output));
  Result<Tensor3> back = ParseGridText(csv);
  ASSERT_TRUE(back.ok()) << back.error();
  EXPECT_EQ(back->c, 2);
  EXPECT_EQ(back->h, 2);
  EXPECT_EQ(back->w, 3);
  EXPECT_EQ(back->data, output.data);  // exactly, not nearly
}

TEST(TableExport, OutputMarkdownCaptionsEachFilter) {
  Tensor3 output(2, 1, 2);
  output.data = {1, 2, -3, 0.5};
  EXPECT_EQ(OutputTable(output, TableFormat::kMarkdown),
            "filter 0\n"
            "\n"
            "| 1 | 2 |\n"
            "| ---: | ---: |\n"
            "| 1 | 2 |\n"
            "\n"
            "filter 1\n"
            "\n"
            "| 1 | 2 |\n"
            "| ---: | ---: |\n"
            "| -3 | 0.5 |\n");
  EXPECT_EQ(OutputTable(output, TableFormat::kLatex),
            "filter 0\n"
            "\n"
            "\\begin{tabular}{rr}\n"
            "1 & 2 \\\\\n"
            "\\end{tabular}\n"
            "\n"
            "filter 1\n"
            "\n"
            "\\begin{tabular}{rr}\n"
            "$-$3 & 0.5 \\\\\n"
            "\\end{tabular}\n");
}

}  // namespace
}  // namespace convstep
