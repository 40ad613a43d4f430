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

TEST(PracticeState, ANewSeedStartsAnotherSetFromTheStart) {
  PracticeState p;
  p.StartSet(5);
  p.typed = Typed(MakeExercise(5, 0).answer);
  p.Check();
  p.typed = "12";
  p.StartSet(42);
  EXPECT_EQ(p.seed, 42u);
  EXPECT_EQ(p.index, 0);
  EXPECT_EQ(p.right, 0);
  EXPECT_EQ(p.answered, 0);
  EXPECT_EQ(p.last, PracticeState::Last::kNone);
  EXPECT_TRUE(p.typed.empty());
  const PracticeExercise expected = MakeExercise(42, 0);
  EXPECT_EQ(p.Exercise().seed, 42u);
  EXPECT_EQ(p.Exercise().index, 0);
  EXPECT_EQ(p.Exercise().answer, expected.answer);
  EXPECT_EQ(p.Exercise().kind, expected.kind);
}

}  // namespace
}  // namespace convstep
