#include "core/session/session.h"

#include <algorithm>

namespace convstep {

double Activate(Activation activation, double value) {
  return activation == Activation::kRelu ? std::max(0.0, value) : value;
}

Result<Session> SessionFromJson(const Json& j) {
  if (!j.is_object()) return Error{"a session must be a JSON object"};
  // Checked before anything else: a newer file may have changed any part,
  // and "written by a newer ConvStep" is the message that helps.
  if (j.contains("schema_version")) {
    const Json& v = j["schema_version"];
    if (!v.is_number_integer() || v.get<long long>() < 1) {
      return Error{"schema_version must be a whole number, " + std::to_string(kSessionSchemaVersion) +
                   " for this ConvStep"};
    }
    if (v.get<long long>() > kSessionSchemaVersion) {
      return Error{"this session was written by a newer ConvStep (schema " + std::to_string(v.get<long long>()) +
                   "); this one reads schema " + std::to_string(kSessionSchemaVersion)};
    }
  }
  for (const char* part : {"conv", "pool", "model"}) {
    if (!j.contains(part)) return Error{std::string("the session has no \"") + part + "\""};
  }
  Session s;
  if (j.contains("title")) {
    if (!j["title"].is_string()) return Error{"title must be text"};
    s.title = j["title"].get<std::string>();
  }
  Result<Conv2dSpec> conv = Conv2dSpecFromJson(j["conv"]);
  if (!conv) return Error{"conv: " + conv.error()};
  Result<Conv2dGeometry> conv_geo = ResolveConv2d(*conv);
  if (!conv_geo) return Error{"conv: " + conv_geo.error()};
  s.conv = std::move(conv).value();
  if (j.contains("activation")) {
    const Json& a = j["activation"];
    if (a == "relu") s.activation = Activation::kRelu;
    else if (a != "none") return Error{"activation must be \"none\" or \"relu\""};
  }
  Result<Pool2dSpec> pool = Pool2dSpecFromJson(j["pool"]);
  if (!pool) return Error{"pool: " + pool.error()};
  if (Result<Pool2dGeometry> pool_geo = ResolvePool2d(*pool); !pool_geo) return Error{"pool: " + pool_geo.error()};
  s.pool = std::move(pool).value();
  Result<Model> model = ModelFromJson(j["model"]);
  if (!model) return Error{"model: " + model.error()};
  s.model = std::move(model).value();
  Result<int> step = IntFromJson(j, "step", 0);
  if (!step) return Error{step.error()};
  if (*step < 0) return Error{"step must be 0 or more"};
  // A step past the end (a file edited by hand, or saved while the window
  // shrank the convolution) opens at the last step rather than losing the file.
  s.step = std::min(*step, conv_geo->TotalSteps() - 1);
  return s;
}

}  // namespace convstep
