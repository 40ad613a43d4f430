#include "app/state/history.h"

namespace convstep {

namespace {

std::size_t Bytes(const Session& s) {
  return (s.conv.input.data.size() + s.conv.weight.data.size() + s.conv.bias.size() + s.pool.input.data.size()) *
             sizeof(double) +
         s.model.layers.size() * sizeof(LayerSpec) + sizeof(Session);
}

}  // namespace

void History::Record(const Session& before, const Session& after, const std::string& merge_key,
                     const EditNote& note) {
  undone_.clear();
  if (!merge_key.empty() && !done_.empty() && done_.back().merge_key == merge_key) {
    done_.back().after = after;
    done_.back().note.to = note.to;
    return;
  }
  Entry entry{before, after, merge_key, note, Bytes(before) + Bytes(after)};
  bytes_ += entry.bytes;
  done_.push_back(std::move(entry));
  while (bytes_ > kMaxHistoryBytes && done_.size() > 1) {
    bytes_ -= done_.front().bytes;
    done_.erase(done_.begin());
  }
}

History::Step History::Undo() {
  if (done_.empty()) return {nullptr, nullptr};
  bytes_ -= done_.back().bytes;
  undone_.push_back(std::move(done_.back()));
  done_.pop_back();
  // The next edit starts a new entry even if it continues the one before.
  if (!done_.empty()) done_.back().merge_key.clear();
  return {&undone_.back().before, &undone_.back().note};
}

History::Step History::Redo() {
  if (undone_.empty()) return {nullptr, nullptr};
  bytes_ += undone_.back().bytes;
  done_.push_back(std::move(undone_.back()));
  undone_.pop_back();
  // A redone entry is never merged into by the next edit.
  done_.back().merge_key.clear();
  return {&done_.back().after, &done_.back().note};
}

void History::Clear() {
  done_.clear();
  undone_.clear();
  bytes_ = 0;
}

}  // namespace convstep
