// Wall-clock timing of the stages of a run. Timings go to stderr and timings.json only, never
// into result files, so results stay byte-identical from run to run.
#pragma once

#include <chrono>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace io {

class StageTimer {
 public:
  /// Ends the running stage (if any) and starts `name`. A name seen before adds to its time (a
  /// scenario's "evaluate" of every variant is one entry, so the JSON has no duplicate keys).
  void start(std::string name);
  /// Ends the running stage.
  void stop();
  const std::vector<std::pair<std::string, double>>& stages() const { return m_stages; }
  /// {"stages": {"read": 0.12, ...}, "total_s": ...}
  std::string json() const;
  /// One line per stage, for stderr.
  std::string report() const;

 private:
  using Clock = std::chrono::steady_clock;
  std::vector<std::pair<std::string, double>> m_stages;  ///< in order of first start
  std::unordered_map<std::string, std::size_t> m_index;  ///< name -> position in m_stages
  std::string m_running;
  Clock::time_point m_started;
};

}  // namespace io
