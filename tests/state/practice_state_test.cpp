// The practice tab's state: checking answers moves through the set and
// keeps the score; a new seed starts another set from its first exercise.
#include "app/state/practice_state.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/teach/step_text.h"

namespace convstep {
namespace {

// The answer as a student would type it.
std::string Typed(double answer) { return FormatValue(answer); }

TEST(PracticeState, RightAndWrongAnswersKeepTheScore) {
  PracticeState p;
  p.StartSet(11);
  p.typed = Typed(MakeExercise(11, 0).answer);
  p.Check();
  EXPECT_EQ(p.last, PracticeState::Last::kRight);
  EXPECT_EQ(p.index, 1);
  EXPECT_EQ(p.right, 1);
  EXPECT_EQ(p.answered, 1);
  EXPECT_TRUE(p.typed.empty());

  p.typed = Typed(MakeExercise(11, 1).answer + 1);
  p.Check();
  EXPECT_EQ(p.last, PracticeState::Last::kWrong);
  EXPECT_TRUE(p.showing_worked);
  EXPECT_EQ(p.index, 1) << "a wrong answer stays on its exercise until Next";
  EXPECT_EQ(p.right, 1);
  EXPECT_EQ(p.answered, 2);
  p.Next();
  EXPECT_EQ(p.index, 2);
  EXPECT_FALSE(p.showing_worked);

  p.typed = "seven";
  p.Check();
  EXPECT_EQ(p.last, PracticeState::Last::kUnparseable);
  EXPECT_EQ(p.answered, 2) << "text that is not a number does not count";
  EXPECT_EQ(p.typed, "seven") << "the typed text stays to be fixed";
}

// The exercises named below, from an independent Python reimplementation of
// the generator (see TheSameSeedGivesTheSameExercises in
// tests/core/practice_test.cpp):
//   seed 5:  0 output cell, 2 channels of 6x6, answer -26; 1 output size
//            (21 - 5 + 2·3)/1 + 1 = 23
//   seed 6:  0 output cell, 2 channels of 6x6, 3x3, stride 2, answer 19
//   seed 42: 0 output cell, 1 channel of 3x4, answer -7; 1 output size
//            (30 - 5 + 2·1)/2 + 1 = 14; 2 parameters (3·3·3 + 1)·64 = 1792

TEST(PracticeState, ANewSeedStartsAnotherSetFromTheStart) {
  PracticeState p;
  p.StartSet(5);
  EXPECT_EQ(p.Exercise().answer, -26);
  p.typed = "-26";
  p.Check();
  ASSERT_EQ(p.last, PracticeState::Last::kRight);
  EXPECT_EQ(p.Exercise().kind, PracticeKind::kOutputSize);  // exercise 1 of seed 5 is in the cache
  p.typed = "12";
  p.StartSet(42);
  EXPECT_EQ(p.seed, 42u);
  EXPECT_EQ(p.index, 0);
  EXPECT_EQ(p.right, 0);
  EXPECT_EQ(p.answered, 0);
  EXPECT_EQ(p.last, PracticeState::Last::kNone);
  EXPECT_TRUE(p.typed.empty());
  EXPECT_FALSE(p.showing_worked);
  // The exercise shown is seed 42's first, not the one cached for seed 5.
  const PracticeExercise& shown = p.Exercise();
  EXPECT_EQ(shown.seed, 42u);
  EXPECT_EQ(shown.index, 0);
  EXPECT_EQ(shown.kind, PracticeKind::kOutputCell);
  EXPECT_EQ(shown.conv.input.c, 1);
  EXPECT_EQ(shown.conv.input.h, 3);
  EXPECT_EQ(shown.conv.input.w, 4);
  EXPECT_EQ(shown.answer, -7);
}

TEST(PracticeState, TheCacheFollowsTheSeedAtTheSameIndex) {
  // Two sets whose first exercises are of the same kind: only the seed
  // tells the cached one from the one to show.
  PracticeState p;
  p.StartSet(5);
  EXPECT_EQ(p.Exercise().answer, -26);
  p.StartSet(6);
  EXPECT_EQ(p.Exercise().seed, 6u);
  EXPECT_EQ(p.Exercise().conv.weight.h, 3);
  EXPECT_EQ(p.Exercise().answer, 19);
  // The same seed again: the set starts over from its first exercise.
  p.typed = "19";
  p.Check();
  ASSERT_EQ(p.index, 1);
  p.StartSet(6);
  EXPECT_EQ(p.index, 0);
  EXPECT_EQ(p.Exercise().index, 0);
  EXPECT_EQ(p.Exercise().answer, 19);
}

TEST(PracticeState, ARightAnswerShowsTheNextExercise) {
  PracticeState p;
  p.StartSet(42);
  const PracticeExercise first = p.Exercise();  // a copy: the cache is replaced below
  p.typed = "-7";
  p.Check();
  ASSERT_EQ(p.last, PracticeState::Last::kRight);
  EXPECT_EQ(p.last_index, 0);
  EXPECT_EQ(p.last_answer, -7);
  EXPECT_EQ(p.last_typed, "-7");
  const PracticeExercise& next = p.Exercise();
  EXPECT_EQ(next.index, 1);
  EXPECT_EQ(next.kind, PracticeKind::kOutputSize);
  EXPECT_EQ(next.axis.n, 30);
  EXPECT_EQ(next.answer, 14);
  EXPECT_NE(next.answer, first.answer);
  // The answer of the exercise just passed is no longer right.
  p.typed = "-7";
  p.Check();
  EXPECT_EQ(p.last, PracticeState::Last::kWrong);
  EXPECT_EQ(p.index, 1);
  // After a wrong answer, Next shows exercise 2.
  p.Next();
  EXPECT_EQ(p.Exercise().index, 2);
  EXPECT_EQ(p.Exercise().kind, PracticeKind::kParameters);
  EXPECT_EQ(p.Exercise().answer, 1792);
  EXPECT_EQ(p.right, 1);
  EXPECT_EQ(p.answered, 2);
}

}  // namespace
}  // namespace convstep
