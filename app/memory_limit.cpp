#include "app/memory_limit.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "app/interrupt.h"
#include "app/usage_error.h"

namespace app {
namespace {

constexpr double default_share = 0.75;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// A number from the first line of a file, or 0 ("max", missing, unreadable).
std::uint64_t read_number(const std::string& path) {
  std::ifstream in(path);
  std::string word;
  if (!(in >> word) || word.empty() || !std::isdigit(static_cast<unsigned char>(word[0]))) {
    return 0;
  }
  try {
    return std::stoull(word);
  } catch (const std::exception&) {
    return 0;
  }
}

std::uint64_t mem_total_bytes() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  std::uint64_t kib = 0;
  std::string unit;
  while (in >> key >> kib >> unit) {
    if (key == "MemTotal:") return kib * 1024;
  }
  return 0;
}

}  // namespace

std::uint64_t parse_memory_size(const std::string& text) {
  const std::string s = lower(text);
  if (s == "off" || s == "none" || s == "0") return 0;
  std::size_t used = 0;
  double number = 0.0;
  try {
    number = std::stod(s, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  std::string unit = s.substr(used);
  if (unit.size() > 1 && unit.back() == 'b') unit.pop_back();  // "MB" -> "M"
  if (unit.size() > 1 && unit.back() == 'i') unit.pop_back();  // "MiB" -> "M"
  double scale = 0.0;
  if (unit.empty() || unit == "b")
    scale = 1.0;
  else if (unit == "k")
    scale = 1024.0;
  else if (unit == "m")
    scale = 1024.0 * 1024.0;
  else if (unit == "g")
    scale = 1024.0 * 1024.0 * 1024.0;
  else if (unit == "t")
    scale = 1024.0 * 1024.0 * 1024.0 * 1024.0;
  if (used == 0 || scale == 0.0 || !(number > 0.0) || !std::isfinite(number)) {
    throw UsageError("--max-memory '" + text + "' is not a size: give e.g. 2G, 500M or off");
  }
  return static_cast<std::uint64_t>(number * scale);
}

std::uint64_t default_memory_limit() {
  std::uint64_t available = mem_total_bytes();
  for (const char* path :
       {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
    const std::uint64_t cgroup = read_number(path);
    // cgroup v1 reports "no limit" as a huge number; anything above MemTotal means none.
    if (cgroup > 0 && (available == 0 || cgroup < available)) available = cgroup;
  }
  return static_cast<std::uint64_t>(static_cast<double>(available) * default_share);
}

std::uint64_t resident_bytes() {
  std::ifstream in("/proc/self/statm");
  std::uint64_t size = 0, resident = 0;
  if (!(in >> size >> resident)) return 0;
  return resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

void add_memory_option(CLI::App& cmd, std::string& max_memory) {
  cmd.add_option("--max-memory", max_memory,
                 "stop with an error (exit 1) instead of using more memory than this, e.g. 2G, "
                 "500M, off (default: 75% of the machine's or container's memory)");
}

MemoryGuard::MemoryGuard(const std::string& max_memory)
    : m_limit(max_memory.empty() ? default_memory_limit() : parse_memory_size(max_memory)) {
  if (m_limit > 0) m_watchdog = std::thread([this] { watch(); });
}

MemoryGuard::~MemoryGuard() {
  m_done = true;
  if (m_watchdog.joinable()) m_watchdog.join();
}

void MemoryGuard::watch() {
  using namespace std::chrono_literals;
  while (!m_done) {
    const std::uint64_t now = resident_bytes();
    if (now > m_limit) {
      request_stop(StopReason::memory, now, m_limit);
      return;
    }
    std::this_thread::sleep_for(50ms);
  }
}

void MemoryGuard::before_stage(const std::string& stage, std::uint64_t estimate_bytes) const {
  check_stop();
  if (m_limit == 0) return;
  const std::uint64_t now = resident_bytes();
  if (now + estimate_bytes <= m_limit) return;
  // Built by appending: GCC 12 misreports "literal" + std::string&& as -Wrestrict (bug 105651).
  std::string m = "stage '";
  m += stage;
  m += "' would need about ";
  m += megabytes(now + estimate_bytes);
  m += " (now ";
  m += megabytes(now);
  m += " in use, about ";
  m += megabytes(estimate_bytes);
  m += " more estimated), over --max-memory ";
  m += megabytes(m_limit);
  m += "; stopped before it, nothing written. Raise --max-memory, or run on a smaller area";
  throw MemoryLimitError(m);
}

}  // namespace app
