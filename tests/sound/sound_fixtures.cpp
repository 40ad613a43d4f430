#include "tests/sound/sound_fixtures.h"

#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <numbers>
#include <random>

namespace convstep::testing {

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("convstep_sound_" + std::to_string(getpid()) + "_" + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

namespace {

sf_count_t WriteFrames(SNDFILE* file, const double* frames, sf_count_t count) { return sf_writef_double(file, frames, count); }
sf_count_t WriteFrames(SNDFILE* file, const short* frames, sf_count_t count) { return sf_writef_short(file, frames, count); }

template <typename T>
void WriteFramesTo(const std::string& path, int format, int rate, int channels, const std::vector<T>& frames) {
  SF_INFO info{};
  info.samplerate = rate;
  info.channels = channels;
  info.format = format;
  SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
  ASSERT_NE(file, nullptr) << path << ": " << sf_strerror(nullptr);
  const sf_count_t count = static_cast<sf_count_t>(frames.size()) / channels;
  EXPECT_EQ(WriteFrames(file, frames.data(), count), count) << sf_strerror(file);
  EXPECT_EQ(sf_close(file), 0);
}

}  // namespace

void WriteSound(const std::string& path, int format, int rate, int channels, const std::vector<double>& frames) {
  WriteFramesTo(path, format, rate, channels, frames);
}

void WriteSound(const std::string& path, int format, int rate, int channels, const std::vector<short>& frames) {
  WriteFramesTo(path, format, rate, channels, frames);
}

std::vector<double> Sine(double hz, double amplitude, int rate, double seconds) {
  std::vector<double> samples(static_cast<std::size_t>(std::llround(seconds * rate)));
  for (std::size_t i = 0; i < samples.size(); ++i) {
    samples[i] = amplitude * std::sin(2 * std::numbers::pi * hz * static_cast<double>(i) / rate);
  }
  return samples;
}

std::vector<double> Interleave(const std::vector<double>& left, const std::vector<double>& right) {
  std::vector<double> frames;
  for (std::size_t i = 0; i < left.size() && i < right.size(); ++i) {
    frames.push_back(left[i]);
    frames.push_back(right[i]);
  }
  return frames;
}

double SineFrequency(const std::vector<double>& samples, int rate, std::size_t skip) {
  double first = -1;
  double last = -1;
  int crossings = 0;
  for (std::size_t i = skip + 1; i + skip < samples.size(); ++i) {
    if (samples[i - 1] < 0 && samples[i] >= 0) {
      const double t = static_cast<double>(i - 1) + samples[i - 1] / (samples[i - 1] - samples[i]);
      if (first < 0) first = t;
      last = t;
      ++crossings;
    }
  }
  return crossings < 2 ? 0 : (crossings - 1) * rate / (last - first);
}

double SineAmplitude(const std::vector<double>& samples, std::size_t skip) {
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t i = skip; i + skip < samples.size(); ++i, ++n) sum += samples[i] * samples[i];
  return n == 0 ? 0 : std::sqrt(2 * sum / static_cast<double>(n));
}

namespace {

void Put32(std::vector<std::uint8_t>* bytes, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) bytes->push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void Put16(std::vector<std::uint8_t>* bytes, std::uint16_t v) {
  for (int i = 0; i < 2; ++i) bytes->push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void PutTag(std::vector<std::uint8_t>* bytes, const char* tag) {
  for (int i = 0; i < 4; ++i) bytes->push_back(static_cast<std::uint8_t>(tag[i]));
}

}  // namespace

std::vector<std::uint8_t> WavHeader(int channels, int rate, int bits, std::uint32_t data_bytes) {
  const auto block = static_cast<std::uint16_t>(channels * bits / 8);
  std::vector<std::uint8_t> h;
  PutTag(&h, "RIFF");
  Put32(&h, 36 + data_bytes);
  PutTag(&h, "WAVE");
  PutTag(&h, "fmt ");
  Put32(&h, 16);
  Put16(&h, 1);  // PCM
  Put16(&h, static_cast<std::uint16_t>(channels));
  Put32(&h, static_cast<std::uint32_t>(rate));
  Put32(&h, static_cast<std::uint32_t>(rate) * block);
  Put16(&h, block);
  Put16(&h, static_cast<std::uint16_t>(bits));
  PutTag(&h, "data");
  Put32(&h, data_bytes);
  return h;
}

std::vector<std::uint8_t> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void WriteBytes(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace convstep::testing
