// Undo and redo sequences: every change one step, merged typing in one cell,
// redo dropped by a new change, and a bounded memory.
#include <gtest/gtest.h>

#include "app/state/history.h"

namespace convstep {
namespace {

Session WithTitle(const std::string& title) {
  Session s;
  s.title = title;
  return s;
}

TEST(History, UndoAndRedoWalkTheChangesInOrder) {
  History h;
  EXPECT_FALSE(h.CanUndo());
  EXPECT_EQ(h.Undo().session, nullptr);
  h.Record(WithTitle("a"), WithTitle("b"), "", {});
  h.Record(WithTitle("b"), WithTitle("c"), "", {});
  ASSERT_TRUE(h.CanUndo());
  EXPECT_EQ(h.Undo().session->title, "b");
  EXPECT_EQ(h.Undo().session->title, "a");
  EXPECT_EQ(h.Undo().session, nullptr);
  EXPECT_EQ(h.Redo().session->title, "b");
  EXPECT_EQ(h.Redo().session->title, "c");
  EXPECT_EQ(h.Redo().session, nullptr);
}

TEST(History, TypingInOneCellIsOneStep) {
  History h;
  h.Record(WithTitle("0"), WithTitle("1"), "cell:input/0:1,1", {});
  h.Record(WithTitle("1"), WithTitle("12"), "cell:input/0:1,1", {});
  h.Record(WithTitle("12"), WithTitle("123"), "cell:input/0:1,1", {});
  h.Record(WithTitle("123"), WithTitle("x"), "cell:input/0:1,2", {});
  EXPECT_EQ(h.Undo().session->title, "123");
  EXPECT_EQ(h.Undo().session->title, "0");
  EXPECT_FALSE(h.CanUndo());
}

TEST(History, ANewChangeDropsTheRedoAndNeverMergesAcrossAnUndo) {
  History h;
  h.Record(WithTitle("a"), WithTitle("b"), "k", {});
  h.Record(WithTitle("b"), WithTitle("c"), "other", {});
  EXPECT_EQ(h.Undo().session->title, "b");
  // Same key as the entry now on top, but an undo lies between: a new step.
  h.Record(WithTitle("b"), WithTitle("d"), "k", {});
  EXPECT_FALSE(h.CanRedo());
  EXPECT_EQ(h.Undo().session->title, "b");
  EXPECT_EQ(h.Undo().session->title, "a");
}

TEST(History, KeepsTheNewestChangesWithinItsMemory) {
  History h;
  Session big;
  big.conv.input = Tensor3(16, 256, 256);  // 8 MiB of doubles a copy
  for (int i = 0; i < 40; ++i) {
    big.title = std::to_string(i);
    h.Record(big, big, "", {});
  }
  int undos = 0;
  while (h.Undo().session != nullptr) ++undos;
  // Two 8 MiB copies an entry: 256 MiB holds 15 of them.
  EXPECT_GE(undos, 14);
  EXPECT_LE(undos, 16);
}

TEST(History, UndoAndRedoSayWhatTheEntryDid) {
  History h;
  h.Record(WithTitle("a"), WithTitle("b"), "", {"filters", "", "2", "1"});
  const History::Step undone = h.Undo();
  ASSERT_NE(undone.note, nullptr);
  EXPECT_EQ(*undone.note, (EditNote{"filters", "", "2", "1"}));
  const History::Step redone = h.Redo();
  ASSERT_NE(redone.note, nullptr);
  EXPECT_EQ(redone.note->to, "1");
}

TEST(History, AMergedEntryKeepsItsFirstValueAndTakesTheLast) {
  History h;
  h.Record(WithTitle("a"), WithTitle("b"), "param:stride", {"stride", "", "1", "2"});
  h.Record(WithTitle("b"), WithTitle("c"), "param:stride", {"stride", "", "2", "3"});
  const History::Step undone = h.Undo();
  EXPECT_EQ(undone.session->title, "a");
  EXPECT_EQ(*undone.note, (EditNote{"stride", "", "1", "3"}));
}

}  // namespace
}  // namespace convstep
