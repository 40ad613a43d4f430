#include "core/audio/mfcc.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace convstep::audio {

AudioMatrix<double> AmplitudeToDB(const AudioMatrix<double>& s, double power, const DbSpec& db) {
  const double multiplier = power == 1.0 ? 20.0 : 10.0;
  double ref = db.ref;
  if (db.ref_is_max) ref = s.data.empty() ? 0.0 : *std::max_element(s.data.begin(), s.data.end());
  const double db_multiplier = std::log10(std::max(db.amin, ref));
  AudioMatrix<double> out(s.rows, s.cols);
  for (size_t i = 0; i < s.data.size(); ++i) {
    out.data[i] = multiplier * std::log10(std::max(s.data[i], db.amin)) - multiplier * db_multiplier;
  }
  if (db.top_db && !out.data.empty()) {
    const double floor = *std::max_element(out.data.begin(), out.data.end()) - *db.top_db;
    for (double& v : out.data) v = std::max(v, floor);
  }
  return out;
}

AudioMatrix<double> CreateDct(int n_mfcc, int n_mels) {
  AudioMatrix<double> dct(n_mels, n_mfcc);
  const double scale = std::sqrt(2.0 / n_mels);
  for (int n = 0; n < n_mels; ++n) {
    for (int k = 0; k < n_mfcc; ++k) {
      // The constant row gets 1/√2 more, which makes it unit length too.
      const double ortho = k == 0 ? 1.0 / std::sqrt(2.0) : 1.0;
      dct.at(n, k) = std::cos(std::numbers::pi / n_mels * (n + 0.5) * k) * ortho * scale;
    }
  }
  return dct;
}

AudioMatrix<double> ApplyDct(const AudioMatrix<double>& dct, const AudioMatrix<double>& mel_db) {
  AudioMatrix<double> out(dct.cols, mel_db.cols);
  for (int k = 0; k < dct.cols; ++k) {
    for (int t = 0; t < mel_db.cols; ++t) {
      double sum = 0.0;
      for (int n = 0; n < dct.rows; ++n) sum += dct.at(n, k) * mel_db.at(n, t);
      out.at(k, t) = sum;
    }
  }
  return out;
}

}  // namespace convstep::audio
