#include "core/teach/practice.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>

#include "core/conv/stepper.h"
#include "core/formats/grid_text.h"
#include "core/teach/step_text.h"

namespace convstep {

namespace {

// U+2212, the minus sign of printed formulas; the arithmetic of a step keeps
// step_text's ASCII "-" for negative numbers.
constexpr const char* kMinus = " \u2212 ";

// SplitMix64's finaliser: neighbouring seeds and indices give unrelated
// engine states.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Draws from std::mt19937_64, whose sequence the standard fixes, with a
// range mapping of our own (rejection, so unbiased): the same seed gives the
// same exercises with every compiler and standard library.
class Draw {
 public:
  Draw(std::uint64_t seed, int index) : rng_(Mix(Mix(seed) ^ static_cast<std::uint64_t>(index))) {}

  // Uniform in [lo, hi].
  int Int(int lo, int hi) {
    const std::uint64_t range = static_cast<std::uint64_t>(hi - lo) + 1;
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = kMax - kMax % range;  // a multiple of range
    std::uint64_t r = rng_();
    while (r >= limit) r = rng_();
    return lo + static_cast<int>(r % range);
  }

  template <std::size_t N>
  int Pick(const int (&choices)[N]) {
    return choices[Int(0, static_cast<int>(N) - 1)];
  }

 private:
  std::mt19937_64 rng_;
};

std::string Num(long long v) { return std::to_string(v); }

// The value of the next cell of a small convolution; its arithmetic is the
// stepper's, written as the arithmetic panel writes it.
void MakeOutputCell(Draw& draw, PracticeExercise* ex) {
  for (;;) {
    const int channels = draw.Int(1, 2);
    const int h = draw.Int(3, 6);
    const int w = draw.Int(3, 6);
    const int k = draw.Int(2, 3);
    // At most k - 1 rows of padding: every window still reads some data.
    const int p = draw.Int(0, std::min(2, k - 1));
    const int s = draw.Int(1, 2);
    const AxisSize ah = ComputeAxisSize(h, k, p, p, s, 1);
    const AxisSize aw = ComputeAxisSize(w, k, p, p, s, 1);
    if (ah.output < 2 || aw.output < 2) continue;  // the asked cell needs neighbours

    Conv2dSpec spec;
    spec.input = Tensor3(channels, h, w);
    for (double& v : spec.input.data) v = draw.Int(-3, 5);
    spec.weight = Tensor4(1, channels, k, k);
    for (double& v : spec.weight.data) v = draw.Int(-2, 2);
    spec.stride = {s, s};
    spec.padding.top = spec.padding.bottom = spec.padding.left = spec.padding.right = p;
    Result<ConvStepper> stepper = ConvStepper::Create(spec);
    if (!stepper) continue;  // cannot happen for these sizes; draw again rather than fail

    ex->step = draw.Int(0, stepper->TotalSteps() - 1);
    const ConvStep step = stepper->Step(ex->step);
    ex->out_y = step.out_y;
    ex->out_x = step.out_x;
    ex->answer = step.value;
    ex->worked = ChannelArithmetic(step);
    if (step.channel_sums.size() > 1) {
      std::string total;
      for (std::size_t i = 0; i < step.channel_sums.size(); ++i) {
        if (i > 0) total += " + ";
        total += FormatValue(step.channel_sums[i], true);
      }
      ex->worked.push_back(total + " = " + FormatValue(step.value));
    }
    ex->conv = std::move(spec);
    return;
  }
}

// (N - F + 2P)/S + 1 along one axis, sometimes with dilation.
void MakeOutputSize(Draw& draw, PracticeExercise* ex) {
  static constexpr int kKernels[] = {2, 3, 3, 3, 5, 5, 7};
  static constexpr int kStrides[] = {1, 1, 2, 2, 3};
  for (;;) {
    const int n = draw.Int(4, 32);
    const int f = draw.Pick(kKernels);
    const int p = draw.Int(0, std::min(3, f - 1));
    const int s = draw.Pick(kStrides);
    const int d = draw.Int(0, 3) == 0 && f > 1 ? 2 : 1;
    const AxisSize a = ComputeAxisSize(n, f, p, p, s, d);
    if (a.output < 1) continue;
    ex->axis = a;
    break;
  }
  const AxisSize& a = ex->axis;
  std::string numbers;
  if (a.d == 1) {
    ex->worked.push_back(std::string("(N") + kMinus + "F + 2P)/S + 1");
    numbers = "(" + Num(a.n) + kMinus + Num(a.f) + " + 2\u00b7" + Num(a.pad_before) + ")/" + Num(a.s) + " + 1";
  } else {
    ex->worked.push_back(std::string("(N + 2P") + kMinus + "D\u00b7(F" + kMinus + "1)" + kMinus + "1)/S + 1");
    numbers = "(" + Num(a.n) + " + 2\u00b7" + Num(a.pad_before) + kMinus + Num(a.d) + "\u00b7(" + Num(a.f) + kMinus +
              "1)" + kMinus + "1)/" + Num(a.s) + " + 1";
  }
  numbers += " = " + Num(a.numerator) + "/" + Num(a.s) + " + 1";
  // The lecture's "3.5 → 3": the floor drops what the last stride cannot reach.
  if (a.exact) numbers += " = " + Num(a.output);
  else numbers += " = " + FormatValue(a.quotient) + " \u2192 " + Num(a.output);
  ex->worked.push_back(std::move(numbers));
  ex->answer = a.output;
}

// A Conv2D's (kh·kw·C + 1)·K, or a Dense layer's inputs·units + units, as
// Keras's summary counts them.
void MakeParameters(Draw& draw, PracticeExercise* ex) {
  Model& m = ex->model;
  if (draw.Int(0, 1) == 0) {
    static constexpr int kSides[] = {8, 16, 28, 32};
    static constexpr int kChannels[] = {1, 3, 8, 16, 32, 64};
    static constexpr int kFilters[] = {4, 8, 16, 32, 64};
    static constexpr int kKernels[] = {1, 3, 3, 5, 7};
    m.height = m.width = draw.Pick(kSides);
    m.channels = draw.Pick(kChannels);
    LayerSpec conv;
    conv.type = LayerType::kConv2d;
    conv.filters = draw.Pick(kFilters);
    const int k = draw.Pick(kKernels);
    conv.kernel_size = {k, k};
    conv.padding = draw.Int(0, 1) == 0 ? KerasPadding::kValid : KerasPadding::kSame;
    m.layers = {conv};
    const long long per_filter = static_cast<long long>(k) * k * m.channels + 1;
    ex->worked.push_back("(" + Num(k) + "\u00b7" + Num(k) + "\u00b7" + Num(m.channels) + " + 1)\u00b7" +
                         Num(conv.filters) + " = " + Num(per_filter) + "\u00b7" + Num(conv.filters) + " = " +
                         Num(per_filter * conv.filters));
  } else {
    static constexpr int kChannels[] = {8, 16, 32, 64};
    static constexpr int kUnits[] = {10, 16, 32, 64, 128};
    m.height = m.width = draw.Int(1, 7);
    m.channels = draw.Pick(kChannels);
    LayerSpec flatten;
    flatten.type = LayerType::kFlatten;
    LayerSpec dense;
    dense.type = LayerType::kDense;
    dense.units = draw.Pick(kUnits);
    m.layers = {flatten, dense};
    long long inputs = static_cast<long long>(m.height) * m.width * m.channels;
    // Sometimes the classifier's second Dense layer, fed by the first.
    if (draw.Int(0, 2) == 0) {
      LayerSpec out;
      out.type = LayerType::kDense;
      out.units = draw.Pick(kUnits);
      m.layers.push_back(out);
      inputs = dense.units;
    } else {
      ex->worked.push_back(Num(m.height) + "\u00b7" + Num(m.width) + "\u00b7" + Num(m.channels) + " = " +
                           Num(inputs));
    }
    const long long units = m.layers.back().units;
    ex->worked.push_back(Num(inputs) + "\u00b7" + Num(units) + " + " + Num(units) + " = " +
                         Num(inputs * units + units));
  }
  Result<ModelSummary> summary = SummarizeModel(m);
  // Every size drawn above fits (kernels of at most 7 on inputs of at least 8).
  if (summary) {
    ex->rows = summary->layers;
    ex->answer = static_cast<double>(summary->layers.back().params);
  }
}

}  // namespace

const char* PracticeKindName(PracticeKind kind) {
  switch (kind) {
    case PracticeKind::kOutputCell: return "output_cell";
    case PracticeKind::kOutputSize: return "output_size";
    case PracticeKind::kParameters: return "parameters";
  }
  return "output_cell";
}

PracticeExercise MakeExercise(std::uint64_t seed, int index) {
  PracticeExercise ex;
  ex.seed = seed;
  ex.index = index;
  // Turns rather than draws: any three exercises in a row hold every kind.
  switch (index % 3) {
    case 0: ex.kind = PracticeKind::kOutputCell; break;
    case 1: ex.kind = PracticeKind::kOutputSize; break;
    default: ex.kind = PracticeKind::kParameters; break;
  }
  Draw draw(seed, index);
  switch (ex.kind) {
    case PracticeKind::kOutputCell: MakeOutputCell(draw, &ex); break;
    case PracticeKind::kOutputSize: MakeOutputSize(draw, &ex); break;
    case PracticeKind::kParameters: MakeParameters(draw, &ex); break;
  }
  return ex;
}

namespace {

// "131,200", "1.048.576", "-2 500": an integer written in groups of three
// digits after the first one to three, separated by ',', '.' or ' '.
std::optional<double> DigitGroups(std::string_view typed) {
  const std::size_t first = typed.find_first_not_of(" \t\r\n");
  const std::size_t last = typed.find_last_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  std::string_view t = typed.substr(first, last - first + 1);
  const bool negative = !t.empty() && t.front() == '-';
  if (negative) t.remove_prefix(1);
  std::string digits;
  std::size_t run = 0;
  bool grouped = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      ++run;
    } else if (c == ',' || c == '.' || c == ' ') {
      // The first group has one to three digits, every later one three.
      if (run == 0 || run > 3 || (grouped && run != 3)) return std::nullopt;
      grouped = true;
      run = 0;
    } else {
      return std::nullopt;
    }
  }
  if (!grouped || run != 3 || digits.size() > 15) return std::nullopt;
  const double value = std::stod(digits);
  return negative ? -value : value;
}

}  // namespace

PracticeCheck CheckAnswer(const PracticeExercise& exercise, std::string_view typed) {
  // Parameter counts run into the thousands, written "131,200", "131.200" or
  // "131 200" by habit: digit groups of three read as one integer when that
  // is the answer (every answer is an integer, so no decimal reading is lost).
  if (const std::optional<double> grouped = DigitGroups(typed); grouped && *grouped == exercise.answer) {
    return PracticeCheck{PracticeVerdict::kRight, *grouped};
  }
  // The core's grid reader reads the number, once the student's habits are
  // undone: a decimal comma, or a minus sign copied from the worked text.
  std::string text;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    if (typed.substr(i, 3) == "\u2212") {
      text += '-';
      i += 2;
    } else {
      text += typed[i] == ',' ? '.' : typed[i];
    }
  }
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  PracticeCheck check;
  if (first == std::string::npos) return check;
  const Result<Tensor3> grid = ParseGridText(std::string_view(text).substr(first, last - first + 1));
  if (!grid || grid->data.size() != 1) return check;  // not a number, or more than one
  check.value = grid->data[0];
  check.verdict = std::fabs(check.value - exercise.answer) <= 1e-9 ? PracticeVerdict::kRight : PracticeVerdict::kWrong;
  return check;
}

}  // namespace convstep
