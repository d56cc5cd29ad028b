// compare() on hand-made snapshots: each change kind, minutes arithmetic, ids on one side only,
// duplicate ids, identical inputs giving no change, scopes and centers; snapshot_of on a drawn
// network against hand-worked minutes.
#include "planner/scenario/comparison.h"

#include <gtest/gtest.h>

#include "planner/coverage/evaluation.h"
#include "planner/network/network.h"
#include "tests/planner/drawn_network.h"

namespace planner {
namespace {

BlockResult block(std::string id, CoverStatus status, std::optional<double> minutes,
                  std::string center = "c1") {
  BlockResult b;
  b.id = std::move(id);
  b.name = "name of " + b.id;
  b.status = status;
  b.minutes = minutes;
  if (status != CoverStatus::unreachable) b.center_id = std::move(center);
  b.pop = 100.0;
  return b;
}

CenterResult center(std::string id, std::optional<std::uint32_t> reach = std::nullopt) {
  CenterResult c;
  c.id = std::move(id);
  c.reach_blk = reach;
  return c;
}

ScopeFigures scope(std::string name, std::uint32_t blocks, std::uint32_t covered) {
  ScopeFigures f;
  f.scope = std::move(name);
  f.blocks = blocks;
  f.covered = covered;
  f.covered_share = blocks ? static_cast<double>(covered) / blocks : 0.0;
  return f;
}

ResultSnapshot base_snapshot() {
  ResultSnapshot s;
  s.has_population = true;
  s.blocks = {block("b3", CoverStatus::covered, 4.0), block("b1", CoverStatus::covered, 14.0),
              block("b2", CoverStatus::uncovered, 20.0),
              block("b4", CoverStatus::uncovered, std::nullopt),
              block("b5", CoverStatus::unreachable, std::nullopt)};
  s.centers = {center("c1", 3), center("c2", 1)};
  s.scopes = {scope("all", 5, 2), scope("tier:street", 5, 2), scope("community:k1", 2, 1)};
  return s;
}

const BlockChange& find(const Comparison& c, const std::string& id) {
  for (const BlockChange& b : c.blocks) {
    if (b.id == id) return b;
  }
  throw std::runtime_error("no block " + id);
}

TEST(Compare, IdenticalSnapshotsHaveNoChange) {
  const ResultSnapshot s = base_snapshot();
  const Comparison c = compare(s, s);
  ASSERT_EQ(c.blocks.size(), 5u);
  for (const BlockChange& b : c.blocks) {
    EXPECT_EQ(b.kind, BlockChangeKind::unchanged) << b.id;
    EXPECT_FALSE(is_change(b));
    if (b.minutes_before) {
      EXPECT_EQ(*b.minutes_change, 0.0) << b.id;
    }
  }
  EXPECT_EQ(c.counts.unchanged, 5u);
  EXPECT_EQ(c.counts.newly_covered + c.counts.newly_uncovered + c.counts.minutes, 0u);
  EXPECT_EQ(c.counts.centers_opened + c.counts.centers_closed + c.counts.centers_reach_changed, 0u);
  for (const CenterChange& cc : c.centers) EXPECT_EQ(cc.kind, CenterChangeKind::kept);
}

TEST(Compare, BlocksAndCentersAreSortedById) {
  const ResultSnapshot s = base_snapshot();
  const Comparison c = compare(s, s);
  std::vector<std::string> ids;
  for (const BlockChange& b : c.blocks) ids.push_back(b.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"b1", "b2", "b3", "b4", "b5"}));
  // The indices point back at the right rows of each side.
  EXPECT_EQ(c.blocks[0].before_index, 1u);
  EXPECT_EQ(c.blocks[2].after_index, 0u);
}

TEST(Compare, EachKindOfChange) {
  const ResultSnapshot before = base_snapshot();
  ResultSnapshot after = before;
  after.blocks[1] = block("b1", CoverStatus::uncovered, 16.5);            // covered -> uncovered
  after.blocks[2] = block("b2", CoverStatus::covered, 12.0);              // uncovered -> covered
  after.blocks[0] = block("b3", CoverStatus::covered, 3.0);               // minutes only
  after.blocks[3] = block("b4", CoverStatus::unreachable, std::nullopt);  // status
  after.blocks[4] = block("b5", CoverStatus::unreachable, std::nullopt);  // unchanged
  const Comparison c = compare(before, after);

  const BlockChange& b1 = find(c, "b1");
  EXPECT_EQ(b1.kind, BlockChangeKind::newly_uncovered);
  EXPECT_DOUBLE_EQ(*b1.minutes_change, 2.5);
  EXPECT_EQ(*b1.status_before, CoverStatus::covered);
  EXPECT_EQ(*b1.status_after, CoverStatus::uncovered);

  const BlockChange& b2 = find(c, "b2");
  EXPECT_EQ(b2.kind, BlockChangeKind::newly_covered);
  EXPECT_DOUBLE_EQ(*b2.minutes_before, 20.0);
  EXPECT_DOUBLE_EQ(*b2.minutes_after, 12.0);
  EXPECT_DOUBLE_EQ(*b2.minutes_change, -8.0);

  const BlockChange& b3 = find(c, "b3");
  EXPECT_EQ(b3.kind, BlockChangeKind::minutes);
  EXPECT_DOUBLE_EQ(*b3.minutes_change, -1.0);

  EXPECT_EQ(find(c, "b4").kind, BlockChangeKind::status);
  EXPECT_FALSE(find(c, "b4").minutes_change.has_value());  // unknown on both sides
  EXPECT_EQ(find(c, "b5").kind, BlockChangeKind::unchanged);

  EXPECT_EQ(c.counts.newly_covered, 1u);
  EXPECT_EQ(c.counts.newly_uncovered, 1u);
  EXPECT_EQ(c.counts.minutes, 1u);
  EXPECT_EQ(c.counts.status, 1u);
  EXPECT_EQ(c.counts.unchanged, 1u);
  EXPECT_EQ(c.counts.minutes_lower, 2u);   // b2, b3
  EXPECT_EQ(c.counts.minutes_higher, 1u);  // b1
}

TEST(Compare, MinutesKnownOnOneSideOnlyIsAChange) {
  ResultSnapshot before = base_snapshot();
  ResultSnapshot after = before;
  after.blocks[3].minutes = 42.0;  // b4: uncovered, now a center is reached but too far
  const Comparison c = compare(before, after);
  const BlockChange& b4 = find(c, "b4");
  EXPECT_EQ(b4.kind, BlockChangeKind::minutes);
  EXPECT_FALSE(b4.minutes_change.has_value());
}

TEST(Compare, TinyMinuteNoiseIsNotAChangeButANearestCenterChangeIs) {
  ResultSnapshot before = base_snapshot();
  ResultSnapshot after = before;
  after.blocks[0].minutes = *after.blocks[0].minutes + minutes_tolerance / 10.0;
  after.blocks[1].center_id = "c2";  // b1: same minutes, another nearest center
  const Comparison c = compare(before, after);
  EXPECT_EQ(find(c, "b3").kind, BlockChangeKind::unchanged);
  EXPECT_EQ(find(c, "b1").kind, BlockChangeKind::center);
  EXPECT_EQ(find(c, "b1").center_before, "c1");
  EXPECT_EQ(find(c, "b1").center_after, "c2");
  EXPECT_EQ(c.counts.minutes_lower + c.counts.minutes_higher, 0u);
}

TEST(Compare, BlocksOnOneSideOnly) {
  ResultSnapshot before = base_snapshot();
  ResultSnapshot after = before;
  after.blocks.erase(after.blocks.begin() + 1);                    // b1 only before
  after.blocks.push_back(block("a0", CoverStatus::covered, 2.0));  // a0 only after
  const Comparison c = compare(before, after);
  ASSERT_EQ(c.blocks.size(), 6u);
  EXPECT_EQ(c.blocks.front().id, "a0");
  EXPECT_EQ(c.blocks.front().kind, BlockChangeKind::added);
  EXPECT_EQ(c.blocks.front().before_index, invalid_id);
  EXPECT_FALSE(c.blocks.front().status_before.has_value());
  const BlockChange& b1 = find(c, "b1");
  EXPECT_EQ(b1.kind, BlockChangeKind::removed);
  EXPECT_EQ(b1.after_index, invalid_id);
  EXPECT_EQ(b1.name, "name of b1");
  EXPECT_EQ(c.counts.added, 1u);
  EXPECT_EQ(c.counts.removed, 1u);
}

TEST(Compare, FewBlocksInCommonMeansTheIdsDiffer) {
  const ResultSnapshot before = base_snapshot();  // b1..b5
  // The same blocks under other ids (another id field): nothing in common.
  ResultSnapshot renamed = before;
  for (BlockResult& b : renamed.blocks) b.id = "x" + b.id;
  const Comparison none = compare(before, renamed);
  EXPECT_EQ(blocks_in_common(none), 0u);
  EXPECT_TRUE(few_blocks_in_common(none));
  // 2 of 5 kept (fewer than half): still flagged; 3 of 5 kept: a real change of blocks.
  ResultSnapshot two = renamed;
  two.blocks[0].id = "b3";
  two.blocks[1].id = "b1";
  EXPECT_EQ(blocks_in_common(compare(before, two)), 2u);
  EXPECT_TRUE(few_blocks_in_common(compare(before, two)));
  ResultSnapshot three = two;
  three.blocks[2].id = "b2";
  EXPECT_EQ(blocks_in_common(compare(before, three)), 3u);
  EXPECT_FALSE(few_blocks_in_common(compare(before, three)));
  EXPECT_FALSE(few_blocks_in_common(compare(before, before)));
  // The larger side counts: 5 after of which 2 known before is too few even if before had 2.
  ResultSnapshot small = before;
  small.blocks.resize(2);
  EXPECT_TRUE(few_blocks_in_common(compare(small, before)));
  EXPECT_FALSE(few_blocks_in_common(compare(ResultSnapshot{}, ResultSnapshot{})));
}

TEST(Compare, DuplicateIdsArePairedInOrder) {
  ResultSnapshot before;
  before.blocks = {block("x", CoverStatus::covered, 1.0), block("x", CoverStatus::covered, 2.0)};
  ResultSnapshot after;
  after.blocks = {block("x", CoverStatus::covered, 1.0), block("x", CoverStatus::covered, 5.0),
                  block("x", CoverStatus::covered, 9.0)};
  const Comparison c = compare(before, after);
  ASSERT_EQ(c.blocks.size(), 3u);
  EXPECT_EQ(c.blocks[0].kind, BlockChangeKind::unchanged);
  EXPECT_EQ(c.blocks[1].kind, BlockChangeKind::minutes);
  EXPECT_DOUBLE_EQ(*c.blocks[1].minutes_change, 3.0);
  EXPECT_EQ(c.blocks[2].kind, BlockChangeKind::added);
  EXPECT_EQ(c.blocks[2].after_index, 2u);
}

TEST(Compare, CentersOpenedClosedAndReach) {
  ResultSnapshot before = base_snapshot();
  ResultSnapshot after = before;
  after.centers = {center("c1", 5), center("c9", 2)};  // c2 closed, c9 opened, c1 reach 3 -> 5
  const Comparison c = compare(before, after);
  ASSERT_EQ(c.centers.size(), 3u);
  EXPECT_EQ(c.centers[0].id, "c1");
  EXPECT_EQ(c.centers[0].kind, CenterChangeKind::kept);
  EXPECT_EQ(*c.centers[0].reach_blk_before, 3u);
  EXPECT_EQ(*c.centers[0].reach_blk_after, 5u);
  EXPECT_EQ(c.centers[1].id, "c2");
  EXPECT_EQ(c.centers[1].kind, CenterChangeKind::closed);
  EXPECT_FALSE(c.centers[1].reach_blk_after.has_value());
  EXPECT_EQ(c.centers[2].id, "c9");
  EXPECT_EQ(c.centers[2].kind, CenterChangeKind::opened);
  EXPECT_EQ(c.counts.centers_opened, 1u);
  EXPECT_EQ(c.counts.centers_closed, 1u);
  EXPECT_EQ(c.counts.centers_reach_changed, 1u);
}

TEST(Compare, ScopesAreAllThenTiersThenCommunitiesUnionOfBothSides) {
  ResultSnapshot before = base_snapshot();
  ResultSnapshot after = before;
  after.scopes = {scope("all", 5, 4), scope("tier:district", 5, 1), scope("tier:street", 5, 3),
                  scope("community:k1", 2, 2)};
  const Comparison c = compare(before, after);
  std::vector<std::string> names;
  for (const ScopeChange& s : c.scopes) names.push_back(s.scope);
  EXPECT_EQ(names,
            (std::vector<std::string>{"all", "tier:district", "tier:street", "community:k1"}));
  EXPECT_EQ(c.scopes[0].before->covered, 2u);
  EXPECT_EQ(c.scopes[0].after->covered, 4u);
  EXPECT_FALSE(c.scopes[1].before.has_value());
  EXPECT_TRUE(c.scopes[1].after.has_value());
}

// The drawn network of evaluation_test.cpp, hand-worked minutes there:
//   0 ---100--- 1 ---100--- 2          C: center 10 m north of the middle of 0-1
//        C      |                     A: block 5 m south of x=80 on 0-1 (45 s from C)
//          A   300                    B: block 5 m south of vertex 4 (415 s from C)
//               |                     F: block far from any road (unreachable)
//               3 ---50--- 4
//                          B
Network network() {
  return testing_support::drawn_network({{0, 0}, {100, 0}, {200, 0}, {100, -300}, {150, -300}},
                                        {{0, 1}, {1, 2}, {1, 3}, {3, 4}});
}

Inputs inputs() {
  Inputs in;
  in.centers.push_back({"C", "center", "station", {50, 10}});
  in.blocks.push_back({"A", "a", "k1", 100.0, testing_support::square({80, -5}, 1.0)});
  in.blocks.push_back({"B", "b", "k1", 200.0, testing_support::square({150, -305}, 1.0)});
  in.blocks.push_back({"F", "f", "", 50.0, testing_support::square({1000, 1000}, 1.0)});
  return in;
}

EvaluationParams params() {
  EvaluationParams p;
  p.speed_kmh = 3.6;  // 1 m/s: seconds are metres
  p.minutes = {6.0};
  p.sample_spacing_m = 1.0;
  p.threads = 1;
  return p;
}

TEST(SnapshotOf, CarriesMinutesStatusCenterAndTotals) {
  const Network net = network();
  const Inputs in = inputs();
  const Evaluation ev = evaluate(net, in, params());
  const std::vector<CenterReach> reach{{1, 100.0}};
  const ResultSnapshot s = snapshot_of(in, ev, &reach);
  ASSERT_EQ(s.blocks.size(), 3u);
  EXPECT_NEAR(*s.blocks[0].minutes, 45.0 / 60.0, 1e-12);
  EXPECT_EQ(s.blocks[0].status, CoverStatus::covered);
  EXPECT_EQ(s.blocks[0].center_id, "C");
  EXPECT_EQ(s.blocks[0].center_tier, "station");
  EXPECT_EQ(s.blocks[0].community, "k1");
  EXPECT_NEAR(*s.blocks[1].minutes, 415.0 / 60.0, 1e-12);
  EXPECT_EQ(s.blocks[1].status, CoverStatus::uncovered);
  EXPECT_FALSE(s.blocks[2].minutes.has_value());
  EXPECT_EQ(s.blocks[2].status, CoverStatus::unreachable);
  EXPECT_EQ(s.blocks[2].center_id, "");
  EXPECT_EQ(s.blocks[2].shape.size(), 1u);
  EXPECT_DOUBLE_EQ(s.cover_minutes, 6.0);
  ASSERT_EQ(s.centers.size(), 1u);
  EXPECT_TRUE(s.centers[0].attached);
  EXPECT_EQ(*s.centers[0].reach_blk, 1u);
  EXPECT_DOUBLE_EQ(*s.centers[0].reach_pop, 100.0);
  EXPECT_DOUBLE_EQ(s.centers[0].pos.x, 50.0);
  ASSERT_EQ(s.scopes.size(), 3u);  // all, tier:station, community:k1
  EXPECT_EQ(s.scopes[0].scope, "all");
  EXPECT_EQ(s.scopes[0].covered, 1u);
  EXPECT_DOUBLE_EQ(*s.scopes[0].covered_pop, 100.0);
  EXPECT_DOUBLE_EQ(s.scopes[0].covered_share, 100.0 / 350.0);
  EXPECT_EQ(s.scopes[1].scope, "tier:station");
  EXPECT_EQ(s.scopes[2].scope, "community:k1");
  EXPECT_DOUBLE_EQ(s.scopes[2].covered_share, 100.0 / 300.0);
  // Without reach, the reach fields stay unknown.
  EXPECT_FALSE(snapshot_of(in, ev).centers[0].reach_blk.has_value());
}

TEST(SnapshotOf, ClosingACenterAndReAddingItChangesNothing) {
  const Network net = network();
  const Inputs in = inputs();
  Inputs closed = in;
  closed.centers.clear();
  Inputs reopened = closed;
  reopened.centers.push_back(in.centers[0]);
  const ResultSnapshot a = snapshot_of(in, evaluate(net, in, params()));
  const ResultSnapshot b = snapshot_of(reopened, evaluate(net, reopened, params()));
  const Comparison c = compare(a, b);
  EXPECT_EQ(c.counts.unchanged, 3u);
  for (const BlockChange& change : c.blocks) EXPECT_FALSE(is_change(change)) << change.id;

  // Closed for good: A loses its cover, B its minutes, F stays unreachable.
  const Comparison gone = compare(a, snapshot_of(closed, evaluate(net, closed, params())));
  EXPECT_EQ(find(gone, "A").kind, BlockChangeKind::newly_uncovered);
  EXPECT_EQ(find(gone, "B").kind, BlockChangeKind::minutes);
  EXPECT_FALSE(find(gone, "B").minutes_after.has_value());
  EXPECT_EQ(find(gone, "F").kind, BlockChangeKind::unchanged);
  EXPECT_EQ(gone.counts.centers_closed, 1u);
}

TEST(SnapshotOf, AnOpenedCenterLowersExactlyTheBlocksItIsNearer) {
  const Network net = network();
  const Inputs in = inputs();
  Inputs more = in;
  more.centers.push_back({"D", "new", "station", {150, -290}});  // 10 m north of vertex 4
  const Comparison c = compare(snapshot_of(in, evaluate(net, in, params())),
                               snapshot_of(more, evaluate(net, more, params())));
  // B: 10 + 5 = 15 s from D instead of 415 s from C; A keeps C (45 s).
  EXPECT_EQ(find(c, "A").kind, BlockChangeKind::unchanged);
  const BlockChange& b = find(c, "B");
  EXPECT_EQ(b.kind, BlockChangeKind::newly_covered);
  EXPECT_NEAR(*b.minutes_change, (15.0 - 415.0) / 60.0, 1e-9);
  EXPECT_EQ(b.center_after, "D");
  EXPECT_EQ(c.counts.centers_opened, 1u);
  EXPECT_EQ(c.counts.minutes_lower, 1u);
}

// Accessibility scores: only the methods both sides hold are compared, in declaration order
// whatever the order each side listed them; a score change alone is its own kind; equal within
// the relative tolerance is no change; a coverage change still wins over a score change.
TEST(Compare, AccessScoresAreComparedForTheMethodsBothSidesHold) {
  ResultSnapshot before = base_snapshot();
  ResultSnapshot after = base_snapshot();
  before.access_methods = {AccessMethod::balanced, AccessMethod::two_step};
  after.access_methods = {AccessMethod::two_step, AccessMethod::enhanced, AccessMethod::balanced};
  for (BlockResult& b : before.blocks) b.access = {10.0, 200.0};      // bfca, 2sfca
  for (BlockResult& b : after.blocks) b.access = {200.0, 7.0, 10.0};  // 2sfca, e2sfca, bfca
  after.blocks[0].access[0] = 260.0;                                  // b3: 2sfca higher
  after.blocks[1].access[2] = 10.0 * (1 + 1e-12);  // b1: the same within tolerance
  after.blocks[2].access[2] = 4.0;                 // b2: bfca lower
  after.blocks[3].status = CoverStatus::covered;   // b4: newly covered and a score change
  after.blocks[3].minutes = 9.0;
  after.blocks[3].access[0] = 300.0;
  after.blocks[4].access[2] = std::nullopt;  // b5: a score lost
  const Comparison c = compare(before, after);
  ASSERT_EQ(c.access_methods,
            (std::vector<AccessMethod>{AccessMethod::two_step, AccessMethod::balanced}));
  EXPECT_EQ(find(c, "b3").kind, BlockChangeKind::access);
  EXPECT_EQ(find(c, "b3").access_before, (std::vector<std::optional<double>>{200.0, 10.0}));
  EXPECT_EQ(find(c, "b3").access_after, (std::vector<std::optional<double>>{260.0, 10.0}));
  EXPECT_EQ(find(c, "b1").kind, BlockChangeKind::unchanged);
  EXPECT_EQ(find(c, "b2").kind, BlockChangeKind::access);
  EXPECT_EQ(find(c, "b4").kind, BlockChangeKind::newly_covered);
  EXPECT_EQ(find(c, "b5").kind, BlockChangeKind::access);
  EXPECT_EQ(c.counts.access, 3u);
  ASSERT_EQ(c.access.size(), 2u);
  EXPECT_EQ(c.access[0].compared, 5u);  // 2sfca: b3 and b4 higher
  EXPECT_EQ(c.access[0].higher, 2u);
  EXPECT_EQ(c.access[0].lower, 0u);
  EXPECT_EQ(c.access[1].compared, 4u);  // bfca: b5 has none after; b2 lower
  EXPECT_EQ(c.access[1].higher, 0u);
  EXPECT_EQ(c.access[1].lower, 1u);
  EXPECT_EQ(to_string(BlockChangeKind::access), "access");
}

}  // namespace
}  // namespace planner
