// Where tests find data and the built command: the environment when set (CIRCLEPLAN_DATA_DIR,
// CIRCLEPLAN_TEST_DATA_DIR, CIRCLEPLAN_SHARED_DATA_DIR, CIRCLEPLAN_BIN), else the folders of
// this checkout and build, compiled in by tests/CMakeLists.txt.
#pragma once

#include <cstdlib>
#include <string>

namespace testing_support {

inline std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return (v && *v) ? std::string(v) : fallback;
}

/// data/: what the demo ships.
inline std::string data_dir() {
  return env_or("CIRCLEPLAN_DATA_DIR", CIRCLEPLAN_SOURCE_DIR "/data");
}

/// tests/data/: fixtures.
inline std::string test_data_dir() {
  return env_or("CIRCLEPLAN_TEST_DATA_DIR", CIRCLEPLAN_SOURCE_DIR "/tests/data");
}

/// `site --matrix` options reading spopt's San Francisco store files (tests/data/siting/) as
/// they are: the cost matrix, and the 205 tracts' POP2000 as demand.
inline std::string sf_matrix_args() {
  const std::string d = test_data_dir() + "/siting/sf-store-location-allocation/";
  return "--matrix " + d + "SF_network_distance_candidateStore_16_censusTract_205_new.csv " +
         "--matrix-fields DestinationName,name,distance --demand " + d +
         "SF_demand_205_centroid_uniform_weight.csv --demand-fields NAME,POP2000";
}

/// ../shared/data beside the clone (CI and developers only; a user's clone has none).
inline std::string shared_data_dir() {
  return env_or("CIRCLEPLAN_SHARED_DATA_DIR", CIRCLEPLAN_SOURCE_DIR "/../shared/data");
}

/// The circleplan binary of this build.
inline std::string circleplan_bin() {
  return env_or("CIRCLEPLAN_BIN", CIRCLEPLAN_BINARY_DIR "/app/circleplan");
}

}  // namespace testing_support
