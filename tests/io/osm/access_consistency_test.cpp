// Accessibility on real extracts (planner/coverage/accessibility.h): the shipped Porto extract,
// and West Oakland and Malta from ../shared/data (skipped where a clone has none). Centers get an
// illustrative capacity of 1 each and blocks a population of their area / 50 m², set here.
// Evidence independent of the formulas' code:
// - the block-center walks within t0 agree with the coverage rule: a block's least walk is its
//   coverage minutes exactly when evaluate() covers it (t0 = the cover threshold), and it has
//   no walk at all otherwise;
// - BFCA splits each resident and each unit of capacity once: sum D_j = the population of the
//   covered blocks, sum A_i = sum R_j;
// - 2SFCA, E2SFCA, Gaussian share out all capacity within reach: sum A_i P_i = sum S_j over the
//   centers some populated block reaches with a weight above 0.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <string>

#include <gtest/gtest.h>

#include "io/crs/length_model.h"
#include "io/crs/projection.h"
#include "io/osm/osm_reader.h"
#include "planner/coverage/access_matrix.h"
#include "planner/coverage/accessibility.h"
#include "planner/coverage/evaluation.h"
#include "planner/network/network.h"
#include "tests/io/osm/osm_city.h"
#include "tests/test_paths.h"

namespace {

using planner::AccessMethod;

using City = testing_support::OsmCity;

City load(const std::string& path) {
  return testing_support::load_osm_city(path);
}

planner::AccessParams only(AccessMethod m) {
  return planner::AccessParams{{m}, 0.0, {}};
}

double sum_of(const std::vector<std::optional<double>>& values) {
  double s = 0.0;
  for (const auto& v : values) s += v.value_or(0.0);
  return s;
}

void expect_relative(double got, double want, const std::string& what) {
  EXPECT_NEAR(got, want, 1e-9 * std::max(1.0, std::abs(want))) << what;
}

/// `count` illustrative centers on walk vertices, every (n/count)-th in ascending OSM node id
/// order (as bench/service_area_bench.cpp picks them), for an extract with no civic amenities.
std::vector<planner::Center> centers_on_vertices(const planner::Network& net, std::size_t count) {
  const auto& es = net.edges;
  std::vector<planner::NodeId> order(es.vertex_count());
  for (planner::NodeId v = 0; v < order.size(); ++v) order[v] = v;
  std::sort(order.begin(), order.end(),
            [&](auto a, auto b) { return es.vertex_external_id[a] < es.vertex_external_id[b]; });
  std::vector<planner::Center> centers;
  for (std::size_t c = 0; c < count; ++c) {
    centers.push_back(
        {"v" + std::to_string(c), "", "", es.vertex_xy[order[c * (order.size() / count)]]});
  }
  return centers;
}

/// min_blocks: West Oakland's extract maps only a few residential areas (and no civic amenity:
/// it gets 20 centers on walk vertices).
void check(const std::string& path, std::size_t min_blocks = 10) {
  City city = load(path);
  planner::Inputs& in = city.inputs;
  if (in.centers.empty()) in.centers = centers_on_vertices(city.network, 20);
  ASSERT_GE(in.blocks.size(), min_blocks);
  ASSERT_GT(in.centers.size(), 1u);
  for (planner::Center& c : in.centers) c.capacity = 1.0;  // illustrative
  const planner::EvaluationParams params;                  // 15 minutes at 4.5 km/h
  const planner::Evaluation ev = planner::evaluate(city.network, in, params);
  for (std::size_t b = 0; b < in.blocks.size(); ++b) in.blocks[b].pop = ev.sites[b].area_m2 / 50.0;
  const planner::WalkTimes walk(city.network, params.speed_mps());

  // The walks within t0 against the coverage rule.
  const planner::AccessMatrix matrix =
      planner::access_matrix(city.network, walk, ev.sites, ev.sources, ev.cover_s, 2, {});
  std::vector<double> least(in.blocks.size(), planner::inf_time);
  for (const planner::AccessPair& p : matrix.pairs)
    least[p.block] = std::min(least[p.block], p.time_s);
  double covered_pop = 0.0;
  std::size_t covered = 0;
  for (std::size_t b = 0; b < in.blocks.size(); ++b) {
    if (ev.blocks[b].status == planner::CoverStatus::covered) {
      ++covered;
      covered_pop += *in.blocks[b].pop;
      EXPECT_EQ(least[b], ev.blocks[b].time_s) << "block " << in.blocks[b].id;
    } else {
      EXPECT_EQ(least[b], planner::inf_time) << "block " << in.blocks[b].id;
    }
  }
  ASSERT_GT(covered, 0u);

  // BFCA's sums.
  const auto bfca =
      planner::measure_access(city.network, walk, in, ev, only(AccessMethod::balanced), 2, {});
  expect_relative(sum_of(bfca.demand), covered_pop, "BFCA: sum D = population reaching a center");
  expect_relative(sum_of(bfca.score.front()), sum_of(bfca.ratio), "BFCA: sum A = sum R");

  // The 2SFCA family's capacity shared out.
  for (AccessMethod m : {AccessMethod::two_step, AccessMethod::enhanced, AccessMethod::gaussian}) {
    const auto r = planner::measure_access(city.network, walk, in, ev, only(m), 2, {});
    double shared = 0.0;
    for (std::size_t b = 0; b < in.blocks.size(); ++b) {
      shared += r.score[0][b].value_or(0.0) / 1000.0 * *in.blocks[b].pop;
    }
    double reached_capacity = 0.0;
    for (std::size_t row = 0; row < matrix.rows(); ++row) {
      const auto pairs = matrix.row(row);
      // Gaussian weighs a walk of exactly t0 at 0.
      const bool reached = std::any_of(pairs.begin(), pairs.end(), [&](const auto& p) {
        return *in.blocks[p.block].pop > 0.0 &&
               (m != AccessMethod::gaussian || p.time_s < ev.cover_s);
      });
      if (reached) reached_capacity += *in.centers[matrix.center[row]].capacity;
    }
    EXPECT_GT(reached_capacity, 0.0);
    expect_relative(shared, reached_capacity,
                    std::string(planner::to_string(m)) + ": sum A P = reached capacity");
    std::cout << path << ": " << planner::to_string(m) << " shares " << reached_capacity
              << " centers' capacity among " << covered << " covered blocks of " << in.blocks.size()
              << " (" << matrix.pairs.size() << " pairs)\n";
  }

  // Threads: 1 and 2 give the same result.
  const planner::AccessParams all{{AccessMethod::enhanced, AccessMethod::two_step,
                                   AccessMethod::gaussian, AccessMethod::balanced},
                                  0.0,
                                  {}};
  const auto one = planner::measure_access(city.network, walk, in, ev, all, 1, {});
  const auto two = planner::measure_access(city.network, walk, in, ev, all, 2, {});
  EXPECT_EQ(one.score, two.score);
  EXPECT_EQ(one.rank, two.rank);
  EXPECT_EQ(one.demand, two.demand);
  EXPECT_EQ(one.ratio, two.ratio);
  EXPECT_EQ(one.load, two.load);
  EXPECT_EQ(one.most_loaded, two.most_loaded);
  EXPECT_EQ(one.worst_served, two.worst_served);
}

std::string shared_extract(const std::string& folder) {
  const std::filesystem::path dir = testing_support::shared_data_dir() + "/" + folder;
  if (!std::filesystem::is_directory(dir)) return "";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (io::is_osm_path(entry.path().string())) return entry.path().string();
  }
  return "";
}

TEST(AccessConsistency, SumsAndCoverageAgreeOnPorto) {
  check(testing_support::data_dir() + "/osm-porto/porto-2020-07.osm.pbf");
}

TEST(AccessConsistency, SumsAndCoverageAgreeOnWestOakland) {
  const std::string extract = shared_extract("osm-west-oakland");
  if (extract.empty()) GTEST_SKIP() << "no West Oakland extract (shared data absent)";
  check(extract, 5);
}

TEST(AccessConsistency, SumsAndCoverageAgreeOnMalta) {
  const std::string extract = shared_extract("osm-malta");
  if (extract.empty()) GTEST_SKIP() << "no Malta extract (shared data absent)";
  check(extract);
}

}  // namespace
