// Sound files for the tests, written with libsndfile itself (sf_open with
// SFM_WRITE) or crafted byte by byte where libsndfile would refuse to
// write them, and the measurements the tests make of decoded signals.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace convstep::testing {

// A folder of its own under the system's temporary folder, removed with it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// `frames` (interleaved, `channels` a frame) written as `format`
// (SF_FORMAT_WAV | SF_FORMAT_PCM_16, ...); fails the test if libsndfile cannot.
void WriteSound(const std::string& path, int format, int rate, int channels, const std::vector<double>& frames);
// The same from integers (sf_writef_short), so that what a file holds is
// known exactly: libsndfile reads n back as n / 32768.
void WriteSound(const std::string& path, int format, int rate, int channels, const std::vector<short>& frames);

// `seconds` of a sine of `hz` and `amplitude`, starting at phase 0.
std::vector<double> Sine(double hz, double amplitude, int rate, double seconds);

// Two mono signals as one interleaved stereo signal.
std::vector<double> Interleave(const std::vector<double>& left, const std::vector<double>& right);

// The frequency of a sine from its rising zero crossings (interpolated), and
// its amplitude from its RMS; both skip `skip` samples at each end, where
// codecs and resamplers fade in and out.
double SineFrequency(const std::vector<double>& samples, int rate, std::size_t skip = 0);
double SineAmplitude(const std::vector<double>& samples, std::size_t skip = 0);

// A canonical 44-byte PCM WAV header declaring `data_bytes` of data, which
// need not follow: the tests declare what they cannot afford to write.
std::vector<std::uint8_t> WavHeader(int channels, int rate, int bits, std::uint32_t data_bytes);

std::vector<std::uint8_t> ReadBytes(const std::string& path);
void WriteBytes(const std::string& path, const std::vector<std::uint8_t>& bytes);

}  // namespace convstep::testing
