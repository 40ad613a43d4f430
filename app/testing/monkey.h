// The monkey tester (`convstep --monkey N --seed S`): random user actions
// drawn from a seed, written as the script actions of script.h, so that the
// window runs them the way it runs a script and a failure prints as a script
// that reproduces it. Clicks and hovers land on grid cells on screen; typed
// text ranges from numbers to garbage, huge and negative values and the keys
// that end an edit; parameters get random and out-of-range values; pastes,
// undo/redo bursts, tabs, presets, languages, text sizes, practice answers,
// dropped fuzz-corpus files and exports started and cancelled.
//
// The random numbers are std::mt19937_64 with our own mapping onto ranges
// (no std::uniform_*_distribution, whose results differ between standard
// libraries), so a seed gives the same actions everywhere.
//
// Index of this file:
// [SECTION] Ranges
// [SECTION] Values
// [SECTION] Actions
#pragma once

#include <cstdint>
#include <deque>
#include <random>
#include <string>
#include <vector>

#include "app/state/app_state.h"
#include "core/formats/spec_json.h"

namespace convstep {

class Monkey {
 public:
  explicit Monkey(std::uint64_t seed);
  // The next action, chosen from what is on screen (GridPlacements, the
  // tooltips' controls) and in the state (a paste or picture waiting, the
  // practice exercise). Every action carries "may_refuse": true: a refusal
  // with a message is a right answer to a random action.
  Json Next(const AppState& state);

 private:
  // [SECTION] Ranges
  std::uint64_t Below(std::uint64_t n);  // 0 to n - 1 (0 when n is 0)
  int Between(int lo, int hi);           // lo to hi, both included
  bool Chance(double p);
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Below(v.size()))];
  }

  // [SECTION] Values
  std::string TypedText();   // for a cell or the practice answer
  std::string GridText();    // what a spreadsheet copy leaves, sometimes broken
  std::string RandomText();  // anything
  Json ParameterValue(const std::string& name);
  Json ExtremeValue();

  // [SECTION] Actions
  Json Action(const AppState& state);
  Json PointAtGrid(bool click);
  Json PressKey();
  Json Parameter();
  Json Paste();
  Json UndoRedoBurst();
  Json Practice(const AppState& state);
  Json Network(const AppState& state);
  Json DropFile();
  Json ImportImage();
  Json ImportSound();
  Json Export();
  Json HoverTip();
  Json Save();
  // Some actions are gestures of several (click, type, Enter): the rest
  // waits here, one action per call.
  Json Queue(std::vector<Json> actions);

  std::mt19937_64 rng_;
  std::deque<Json> queued_;
  std::vector<std::string> presets_;
  std::vector<std::string> tips_;     // tooltip keys of the controls ("tip.stride")
  std::vector<Json> corpus_;          // {"drop": "$CORPUS/...", "as": ".png"}
  std::vector<std::string> saved_;    // sessions saved in $TMP, dropped again later
  int files_ = 0;                     // numbers the files written in $TMP
};

}  // namespace convstep
