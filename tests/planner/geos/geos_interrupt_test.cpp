// A cancel flag stops a GEOS operation that is running (issue #17 point 8): a union of many
// overlapping discs, the shape of a city-scale `--overlap dissolve`, stops within 2 s of the flag
// being set, as planner::Cancelled, and GEOS works normally again afterwards.
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "planner/cancel.h"
#include "planner/geos/geos_convert.h"
#include "planner/geos/geos_handle.h"

namespace {

using planner::GeomPtr;
using planner::GeosContext;

/// `n` discs of radius 10 on a 7 m grid, heavily overlapping: a union of seconds.
GeomPtr many_discs(const GeosContext& ctx, int n) {
  std::vector<GeomPtr> discs;
  for (int i = 0; i < n; ++i) {
    const GeomPtr centre =
        planner::to_geos(ctx, planner::XY{(i % 250) * 7.0 + (i / 250) * 0.37, (i / 250) * 7.0});
    discs.push_back(planner::own(ctx, GEOSBuffer_r(ctx.get(), centre.get(), 10.0, 16), "buffer"));
  }
  return planner::make_collection(ctx, GEOS_MULTIPOLYGON, std::move(discs));
}

/// Unregisters the callback at the end of a test, so later tests run unaffected.
struct Registered {
  explicit Registered(const std::atomic<bool>* flag) { planner::interrupt_geos_when(flag); }
  ~Registered() { planner::interrupt_geos_when(nullptr); }
};

TEST(GeosInterrupt, AFlagStopsALargeUnionWithinTwoSeconds) {
  GeosContext ctx;
  // 60,000 discs: about 4 s of union on a quiet 2-core machine, 20,000 take 1.2 s (measured with
  // GEOS 3.11.1); the flag is set after 0.2 s, so an unheeded flag shows as a finished union.
  const GeomPtr discs = many_discs(ctx, 60000);
  std::atomic<bool> stop{false};
  const Registered registered(&stop);
  const auto start = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point requested;
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    requested = std::chrono::steady_clock::now();
    stop = true;
  });
  bool cancelled = false;
  try {
    planner::own(ctx, GEOSUnaryUnion_r(ctx.get(), discs.get()), "union");
  } catch (const planner::Cancelled&) {
    cancelled = true;
  }
  const auto end = std::chrono::steady_clock::now();
  stopper.join();
  EXPECT_TRUE(cancelled) << "the union ran to its end in "
                         << std::chrono::duration<double>(end - start).count() << " s";
  EXPECT_LT(std::chrono::duration<double>(end - requested).count(), 2.0);

  // Once the flag is down again GEOS runs to the end, in this context and a new one.
  stop = false;
  const GeomPtr few = many_discs(ctx, 50);
  EXPECT_NO_THROW(planner::own(ctx, GEOSUnaryUnion_r(ctx.get(), few.get()), "union"));
  GeosContext other;
  const GeomPtr more = many_discs(other, 50);
  EXPECT_NO_THROW(planner::own(other, GEOSUnaryUnion_r(other.get(), more.get()), "union"));
}

TEST(GeosInterrupt, WithoutAFlagNothingStops) {
  GeosContext ctx;
  std::atomic<bool> stop{true};
  planner::interrupt_geos_when(&stop);
  planner::interrupt_geos_when(nullptr);  // unregistered: the set flag is not asked
  const GeomPtr discs = many_discs(ctx, 200);
  EXPECT_NO_THROW(planner::own(ctx, GEOSUnaryUnion_r(ctx.get(), discs.get()), "union"));
}

}  // namespace
