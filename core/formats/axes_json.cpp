#include "core/formats/axes_json.h"

#include <cmath>
#include <string>

namespace convstep {

namespace {

// Every number of the axes is finite and not negative: times and
// frequencies both start at 0.
Result<double> Measure(const nlohmann::json& j, const char* field) {
  if (!j.contains(field)) return 0.0;
  const nlohmann::json& v = j[field];
  if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0) {
    return Error{std::string("input_axes: ") + field + " must be a number, 0 or more"};
  }
  return v.get<double>();
}

Result<std::string> Text(const nlohmann::json& j, const char* field) {
  if (!j.contains(field)) return std::string();
  if (!j[field].is_string()) return Error{std::string("input_axes: ") + field + " must be text"};
  return j[field].get<std::string>();
}

Result<InputAxes::Rows> RowsKind(const nlohmann::json& j) {
  const nlohmann::json& v = j.contains("rows") ? j["rows"] : nlohmann::json("hertz");
  if (v == "hertz") return InputAxes::Rows::kHertz;
  if (v == "coefficient") return InputAxes::Rows::kCoefficient;
  if (v == "waveform") return InputAxes::Rows::kWaveform;
  return Error{"input_axes: rows must be \"hertz\", \"coefficient\" or \"waveform\""};
}

}  // namespace

Result<InputAxes> InputAxesFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Error{"input_axes must be an object"};
  InputAxes axes;
  Result<InputAxes::Rows> rows = RowsKind(j);
  if (!rows) return rows.failure();
  axes.rows = *rows;
  if (axes.rows == InputAxes::Rows::kHertz) {
    if (!j.contains("row_hz") || !j["row_hz"].is_array()) return Error{"input_axes: row_hz must be a list of numbers"};
    for (const nlohmann::json& v : j["row_hz"]) {
      if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0) {
        return Error{"input_axes: row_hz must hold frequencies, 0 or more"};
      }
      axes.row_hz.push_back(v.get<double>());
    }
  }
  if (j.contains("mel")) {
    if (!j["mel"].is_boolean()) return Error{"input_axes: mel must be true or false"};
    axes.mel = j["mel"].get<bool>();
  }
  for (auto [field, out] : {std::pair{"frame_seconds", &axes.frame_seconds}, std::pair{"start_seconds", &axes.start_seconds},
                            std::pair{"window_seconds", &axes.window_seconds}}) {
    Result<double> v = Measure(j, field);
    if (!v) return v.failure();
    *out = *v;
  }
  for (auto [field, out] : {std::pair{"unit", &axes.unit}, std::pair{"source", &axes.source}}) {
    Result<std::string> v = Text(j, field);
    if (!v) return v.failure();
    *out = *v;
  }
  return axes;
}

nlohmann::ordered_json InputAxesToJson(const InputAxes& axes) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["rows"] = axes.rows == InputAxes::Rows::kCoefficient ? "coefficient"
              : axes.rows == InputAxes::Rows::kWaveform  ? "waveform"
                                                          : "hertz";
  if (axes.rows == InputAxes::Rows::kHertz) j["row_hz"] = axes.row_hz;
  j["mel"] = axes.mel;
  j["frame_seconds"] = axes.frame_seconds;
  j["start_seconds"] = axes.start_seconds;
  j["window_seconds"] = axes.window_seconds;
  j["unit"] = axes.unit;
  j["source"] = axes.source;
  return j;
}

}  // namespace convstep
