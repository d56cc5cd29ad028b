// Matrix inputs read and solved through the library, checked against published results:
// spopt's San Francisco case (LSCP, MCLP, p-median, p-center), OR-Library p-median (pmed1-5
// exact; the heuristic on pmed1-20 is in pmedian_quality_test.cpp) and weighted set covering
// (scp41, scpa2). Plus the CSV
// rules: quotes, BOM, CRLF, mapped columns, and bad input named by file, line and column.
#include "io/siting/matrix_reader.h"

#include <algorithm>
#include <cmath>
#include <fstream>

#include <gtest/gtest.h>

#include "io/errors.h"
#include "io/siting/orlib_reader.h"
#include "planner/siting/instances.h"
#include "planner/siting/solve.h"
#include "tests/app/cli_runner.h"
#include "tests/test_paths.h"

namespace {

using planner::SitingModel;
using testing_support::TempDir;

std::string siting_data(const std::string& name) {
  return testing_support::test_data_dir() + "/siting/" + name;
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

// --- CSV rules ---------------------------------------------------------------------------

TEST(MatrixReader, ReadsQuotesBomCrlfAndMissingPairs) {
  TempDir dir("matrix");
  write(dir / "m.csv",
        "\xEF\xBB\xBF"
        "demand_id,candidate_id,cost\r\n\"a,1\",s1,3\r\nb,s2,\r\nb,s1,4.5\r\n");
  write(dir / "d.csv", "demand_id,weight\n\"a,1\",2\nb,1\nc,7\n");
  io::MatrixFiles f;
  f.matrix = dir / "m.csv";
  f.demand = dir / "d.csv";
  const io::MatrixInput in = io::read_matrix_input(f);
  EXPECT_EQ(in.demand_ids, (std::vector<std::string>{"a,1", "b", "c"}));
  EXPECT_EQ(in.candidate_ids, (std::vector<std::string>{"s1", "s2"}));  // first appearance
  ASSERT_EQ(in.entries.size(), 2u);  // (b, s2) has no cost: unreachable
  EXPECT_EQ(in.entries[1].cost, 4.5);
  EXPECT_EQ(in.site_costs, (std::vector<double>{1.0, 1.0}));
  const planner::SitingProblem p = in.problem();
  EXPECT_TRUE(p.unreachable(2));
}

TEST(MatrixReader, SiteCostsAndMappedColumns) {
  TempDir dir("matrix");
  write(dir / "m.csv", "to,from,minutes\nd1,x,1\nd1,y,2\n");
  write(dir / "d.csv", "code,pop\nd1,10\n");
  write(dir / "s.csv", "site,price\ny,5\nx,2\nz,1\n");
  io::MatrixFiles f;
  f.matrix = dir / "m.csv";
  f.demand = dir / "d.csv";
  f.site_costs = dir / "s.csv";
  f.matrix_demand = "to";
  f.matrix_candidate = "from";
  f.matrix_cost = "minutes";
  f.demand_id = "code";
  f.demand_weight = "pop";
  f.site_id = "site";
  f.site_cost = "price";
  const io::MatrixInput in = io::read_matrix_input(f);
  EXPECT_EQ(in.candidate_ids, (std::vector<std::string>{"y", "x", "z"}));  // S.csv order first
  EXPECT_EQ(in.site_costs, (std::vector<double>{5, 2, 1}));
}

TEST(MatrixReader, BadInputNamesFileLineAndColumn) {
  TempDir dir("matrix");
  io::MatrixFiles f;
  f.matrix = dir / "m.csv";
  f.demand = dir / "d.csv";
  write(f.demand, "demand_id,weight\na,1\nb,x\n");
  write(f.matrix, "demand_id,candidate_id,cost\na,s,1\n");
  try {
    io::read_matrix_input(f);
    FAIL();
  } catch (const io::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("weight"), std::string::npos) << e.what();
  }
  write(f.demand, "demand_id,weight\na,1\n");
  write(f.matrix, "demand_id,candidate_id,cost\na,s,1\na,s,2\n");
  EXPECT_THROW(io::read_matrix_input(f), io::InputError);  // a pair twice
  write(f.matrix, "demand_id,candidate_id,cost\nq,s,1\n");
  EXPECT_THROW(io::read_matrix_input(f), io::InputError);  // unknown demand
  write(f.matrix, "demand_id,site,cost\na,s,1\n");
  try {
    io::read_matrix_input(f);
    FAIL();
  } catch (const io::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("candidate_id"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("demand_id, site, cost"), std::string::npos) << e.what();
  }
  write(f.matrix, "demand_id,candidate_id,cost\na,s,-1\n");
  EXPECT_THROW(io::read_matrix_input(f), io::InputError);
  write(f.matrix, "demand_id,candidate_id,cost\n\"a,s,1\n");
  EXPECT_THROW(io::read_matrix_input(f), io::InputError);  // unclosed quote
}

// --- San Francisco (spopt): 205 tracts x 16 stores, 5000 m, p = 4 -----------------------

io::MatrixInput san_francisco() {
  io::MatrixFiles f;
  const std::string dir = siting_data("sf-store-location-allocation/");
  f.matrix = dir + "SF_network_distance_candidateStore_16_censusTract_205_new.csv";
  f.demand = dir + "SF_demand_205_centroid_uniform_weight.csv";
  f.matrix_demand = "DestinationName";
  f.matrix_candidate = "name";
  f.matrix_cost = "distance";
  f.demand_id = "NAME";
  f.demand_weight = "POP2000";
  return io::read_matrix_input(f);
}

std::vector<std::string> selected(const io::MatrixInput& in, const planner::SitingSolution& s) {
  std::vector<std::string> ids;
  for (const auto& r : s.sites) ids.push_back(in.candidate_ids[r.candidate]);
  std::sort(ids.begin(), ids.end());  // as strings, like spopt's columns: Store_11 < Store_2
  return ids;
}

class SanFrancisco : public ::testing::TestWithParam<bool> {};

TEST_P(SanFrancisco, PublishedResults) {
  const io::MatrixInput in = san_francisco();
  ASSERT_EQ(in.demand_ids.size(), 205u);
  ASSERT_EQ(in.candidate_ids.size(), 16u);
  const planner::SitingProblem p = in.problem();
  EXPECT_DOUBLE_EQ(p.total_weight(), 955113.0);
  planner::SitingOptions o;
  o.exact = GetParam();
  o.k = 4;

  o.model = SitingModel::lscp;
  o.cover_cost = 5000.0;
  auto s = planner::solve_siting(p, o);
  EXPECT_EQ(s.objective, 8.0);
  EXPECT_EQ(s.sites.size(), 8u);
  EXPECT_EQ(s.covered_count, 205u);  // one of 8 optimal covers; all reach every tract
  EXPECT_TRUE(s.optimal);

  o.model = SitingModel::mclp;
  s = planner::solve_siting(p, o);
  EXPECT_EQ(s.objective, 875247.0);
  EXPECT_EQ(s.covered_weight, 875247.0);
  EXPECT_EQ(s.covered_count, 184u);  // 21 uncovered: 89.756...%
  EXPECT_EQ(selected(in, s),
            (std::vector<std::string>{"Store_11", "Store_12", "Store_15", "Store_2"}));
  EXPECT_TRUE(s.optimal);

  o.model = SitingModel::pmedian;
  o.cover_cost.reset();
  s = planner::solve_siting(p, o);
  EXPECT_NEAR(s.objective, 2848268129.7145104, 1e-3);
  EXPECT_NEAR(s.objective / p.total_weight(), 2982.1268579890657, 1e-9);
  EXPECT_EQ(selected(in, s),
            (std::vector<std::string>{"Store_11", "Store_12", "Store_15", "Store_2"}));
  EXPECT_TRUE(s.optimal);

  o.model = SitingModel::pcenter;
  s = planner::solve_siting(p, o);
  EXPECT_NEAR(s.objective, 7403.063810849859, 1e-6);
  EXPECT_EQ(selected(in, s),
            (std::vector<std::string>{"Store_11", "Store_13", "Store_15", "Store_7"}));
  EXPECT_TRUE(s.optimal);
}

INSTANTIATE_TEST_SUITE_P(HeuristicAndExact, SanFrancisco, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "exact" : "heuristic"; });

// --- OR-Library p-median: all-pairs shortest paths, last duplicate edge wins --------------

double pmed_optimum(int i) {
  static const auto optima = io::read_orlib_optima(siting_data("orlib-pmed/pmedopt.txt"));
  return optima.at("pmed" + std::to_string(i));
}

planner::SitingSolution solve_pmed(int i, bool exact) {
  const io::PmedInstance inst =
      io::read_orlib_pmed(siting_data("orlib-pmed/pmed" + std::to_string(i) + ".txt"));
  planner::SitingOptions o;
  o.model = SitingModel::pmedian;
  o.k = inst.p;
  o.exact = exact;
  o.time_limit_s = 120.0;
  return planner::solve_siting(planner::graph_problem(inst.vertices, inst.edges), o);
}

TEST(OrlibPmed, DuplicateEdgesLastOneWins) {
  const io::PmedInstance inst = io::read_orlib_pmed(siting_data("orlib-pmed/pmed1.txt"));
  EXPECT_EQ(inst.vertices, 100u);
  EXPECT_EQ(inst.p, 5u);
  for (const auto& e : inst.edges) {
    if (e.a == 18 && e.b == 19) {
      EXPECT_EQ(e.cost, 30.0);  // {19,20}: 22, then 30
    }
    if (e.a == 29 && e.b == 69) {
      EXPECT_EQ(e.cost, 74.0);  // {30,70}: 5, then 74
    }
  }
}

class PmedExact : public ::testing::TestWithParam<int> {};
TEST_P(PmedExact, ProvenOptimal) {
  const auto s = solve_pmed(GetParam(), true);
  EXPECT_EQ(s.objective, pmed_optimum(GetParam()));
  EXPECT_TRUE(s.optimal);
  EXPECT_EQ(s.gap, 0.0);
}
std::string pmed_name(const ::testing::TestParamInfo<int>& info) {
  return "pmed" + std::to_string(info.param);
}
INSTANTIATE_TEST_SUITE_P(Pmed1to5, PmedExact, ::testing::Range(1, 6), pmed_name);

// The heuristic on pmed1-20 (within 0.2 %): pmedian_quality_test.cpp.

// --- OR-Library weighted set covering as lscp ---------------------------------------------

class Scp : public ::testing::TestWithParam<std::string> {};
TEST_P(Scp, WeightedLscpReachesTheKnownOptimum) {
  const auto optima = io::read_orlib_optima(siting_data("orlib-scp/known_optima.csv"));
  const io::ScpInstance inst = io::read_orlib_scp(siting_data("orlib-scp/" + GetParam() + ".txt"));
  const planner::SitingProblem p = planner::set_cover_problem(inst.column_cost, inst.row_columns);
  planner::SitingOptions o;
  o.model = SitingModel::lscp;
  o.cover_cost = 0.0;
  const auto heur = planner::solve_siting(p, o);
  EXPECT_GE(heur.objective, optima.at(GetParam()));
  EXPECT_LE(heur.bound, optima.at(GetParam()));
  o.exact = true;
  const auto exact = planner::solve_siting(p, o);
  EXPECT_EQ(exact.objective, optima.at(GetParam()));
  EXPECT_TRUE(exact.optimal);
  EXPECT_EQ(exact.covered_count, inst.row_columns.size());
}
INSTANTIATE_TEST_SUITE_P(OrLibrary, Scp, ::testing::Values("scp41", "scpa2"),
                         [](const auto& info) { return info.param; });

}  // namespace
