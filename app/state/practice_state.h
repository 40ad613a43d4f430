// Where a student is in a practice session: the seed of the set, the
// exercise on screen, the score, the answer being typed and what the last
// check said. The exercises themselves come from the core
// (core/practice.h); this is only the view of them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/teach/practice.h"

namespace convstep {

struct PracticeState {
  std::uint64_t seed = 0;  // the set: the same seed gives every student the same exercises
  int index = 0;           // the exercise on screen, from 0
  int right = 0;           // answers that were right, this session
  int answered = 0;        // answers checked; text that is not a number does not count
  std::string typed;       // the answer field
  enum class Last { kNone, kRight, kWrong, kUnparseable };
  Last last = Last::kNone;      // what the last check said, until the next check or "Next"
  std::string last_typed;       // the answer that was checked last, as typed
  int last_index = 0;           // the exercise it answered
  double last_answer = 0;       // that exercise's answer (for "Right: 7")
  bool showing_worked = false;  // a wrong answer: the arithmetic stays until "Next"
  bool focus_answer = true;     // the answer field takes the keyboard on the next frame
  // Bumped whenever the code replaces the typed text: the field is then a
  // new widget, so ImGui's own copy of the old text and its undo history go
  // (redoing an edit of the old text once wrote past the new one's end).
  int answer_field = 0;

  // The exercise on screen, made once per index.
  const PracticeExercise& Exercise() const {
    if (!exercise_ || exercise_->seed != seed || exercise_->index != index) exercise_ = MakeExercise(seed, index);
    return *exercise_;
  }

  // Checks the typed answer: a right one scores and moves on, a wrong one
  // shows the worked arithmetic, text that is not a number only says so.
  void Check() {
    const PracticeExercise& ex = Exercise();
    const PracticeCheck check = CheckAnswer(ex, typed);
    last_typed = typed;
    last_index = index;
    last_answer = ex.answer;
    focus_answer = true;
    switch (check.verdict) {
      case PracticeVerdict::kUnparseable: last = Last::kUnparseable; return;  // the typed text stays to be fixed
      case PracticeVerdict::kRight:
        last = Last::kRight;
        ++right;
        ++answered;
        NextExercise();
        return;
      case PracticeVerdict::kWrong:
        last = Last::kWrong;
        ++answered;
        showing_worked = true;
        return;
    }
  }

  // After a wrong answer and its arithmetic: the next exercise.
  void Next() {
    last = Last::kNone;
    NextExercise();
  }

  // Another set (the seed an instructor gives the class), from its first
  // exercise with a fresh score.
  void StartSet(std::uint64_t new_seed) {
    seed = new_seed;
    index = 0;
    right = 0;
    answered = 0;
    last = Last::kNone;
    typed.clear();
    ++answer_field;
    showing_worked = false;
    focus_answer = true;
  }

 private:
  void NextExercise() {
    ++index;
    typed.clear();
    ++answer_field;
    showing_worked = false;
    focus_answer = true;
  }

  mutable std::optional<PracticeExercise> exercise_;  // a cache of MakeExercise(seed, index)
};

}  // namespace convstep
