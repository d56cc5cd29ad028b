// The p-median heuristic (no --exact) on OR-Library pmed1-20 (tests/data/siting/orlib-pmed, with
// the published optima): within 0.2 % of the optimum on every instance, with the same settings
// for all, and the reported bound honest: bound <= optimum <= objective, gap measured against
// the bound. Lives with the io tests because the instances come through io's OR-Library reader.
#include <string>

#include <gtest/gtest.h>

#include "io/siting/orlib_reader.h"
#include "planner/siting/instances.h"
#include "planner/siting/solve.h"
#include "tests/test_paths.h"

namespace {

std::string pmed_file(const std::string& name) {
  return testing_support::test_data_dir() + "/siting/orlib-pmed/" + name;
}

planner::SitingSolution solve_pmed_heuristic(const io::PmedInstance& inst) {
  planner::SitingOptions o;
  o.model = planner::SitingModel::pmedian;
  o.k = inst.p;
  return planner::solve_siting(planner::graph_problem(inst.vertices, inst.edges), o);
}

class PmedianQuality : public ::testing::TestWithParam<int> {};

TEST_P(PmedianQuality, WithinTwoTenthsOfAPercentAndTheBoundHolds) {
  const std::string name = "pmed" + std::to_string(GetParam());
  const double optimum = io::read_orlib_optima(pmed_file("pmedopt.txt")).at(name);
  const io::PmedInstance inst = io::read_orlib_pmed(pmed_file(name + ".txt"));
  const planner::SitingSolution s = solve_pmed_heuristic(inst);
  EXPECT_EQ(s.sites.size(), inst.p);
  EXPECT_LE(s.objective, 1.002 * optimum);
  EXPECT_GE(s.objective, optimum);
  EXPECT_LE(s.bound, optimum);
  EXPECT_NEAR(s.gap, (s.objective - s.bound) / s.objective, 1e-12);
  EXPECT_EQ(s.optimal, s.bound == s.objective);
}

INSTANTIATE_TEST_SUITE_P(Pmed1to20, PmedianQuality, ::testing::Range(1, 21),
                         [](const ::testing::TestParamInfo<int>& info) {
                           return "pmed" + std::to_string(info.param);
                         });

}  // namespace
