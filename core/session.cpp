#include "core/session.h"

#include <algorithm>

namespace convstep {

double Activate(Activation activation, double value) {
  return activation == Activation::kRelu ? std::max(0.0, value) : value;
}

Result<Session> SessionFromJson(const Json& j) {
  if (!j.is_object()) return Error{"a session must be a JSON object"};
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
  if (Result<Conv2dGeometry> geo = ResolveConv2d(*conv); !geo) return Error{"conv: " + geo.error()};
  s.conv = std::move(conv).value();
  if (j.contains("activation")) {
    const Json& a = j["activation"];
    if (a == "relu") s.activation = Activation::kRelu;
    else if (a != "none") return Error{"activation must be \"none\" or \"relu\""};
  }
  Result<Pool2dSpec> pool = Pool2dSpecFromJson(j["pool"]);
  if (!pool) return Error{"pool: " + pool.error()};
  if (Result<Pool2dGeometry> geo = ResolvePool2d(*pool); !geo) return Error{"pool: " + geo.error()};
  s.pool = std::move(pool).value();
  Result<Model> model = ModelFromJson(j["model"]);
  if (!model) return Error{"model: " + model.error()};
  s.model = std::move(model).value();
  return s;
}

}  // namespace convstep
