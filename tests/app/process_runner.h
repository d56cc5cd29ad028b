// Starting circleplan as a child process the test can signal: pid, output to a file, optional
// file size limit (RLIMIT_FSIZE, to simulate a full disk), and waiting with a deadline.
#pragma once

#include <chrono>
#include <csignal>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/test_paths.h"

namespace testing_support {

class ChildRun {
 public:
  /// Starts `circleplan args...`; stdout and stderr go to `log`. With `file_size_limit`, files the
  /// child writes may not grow beyond that many bytes.
  ChildRun(const std::vector<std::string>& args, const std::filesystem::path& log,
           std::optional<rlim_t> file_size_limit = std::nullopt) {
    const std::string bin = circleplan_bin();
    std::vector<std::string> argv_strings{bin};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    m_pid = ::fork();
    if (m_pid == 0) {
      const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      if (file_size_limit) {
        const rlimit limit{*file_size_limit, *file_size_limit};
        ::setrlimit(RLIMIT_FSIZE, &limit);
      }
      std::vector<char*> argv;
      for (std::string& s : argv_strings) argv.push_back(s.data());
      argv.push_back(nullptr);
      ::execv(bin.c_str(), argv.data());
      ::_exit(127);
    }
  }
  ~ChildRun() {
    if (m_pid > 0 && !m_status) {
      ::kill(m_pid, SIGKILL);
      ::waitpid(m_pid, nullptr, 0);
    }
  }
  ChildRun(const ChildRun&) = delete;
  ChildRun& operator=(const ChildRun&) = delete;

  pid_t pid() const { return m_pid; }
  bool started() const { return m_pid > 0; }

  /// True once the child has exited (reaps it).
  bool exited() {
    if (m_status) return true;
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid) m_status = status;
    return m_status.has_value();
  }

  /// Waits up to `timeout`; the raw wait status, or nullopt on timeout.
  std::optional<int> wait_for(std::chrono::milliseconds timeout) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (!exited()) {
      if (std::chrono::steady_clock::now() > end) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return m_status;
  }

 private:
  pid_t m_pid = -1;
  std::optional<int> m_status;
};

/// Names in `dir` starting with `prefix` (e.g. the hidden temporaries ".out.gpkg.tmp-").
inline std::vector<std::string> entries_starting(const std::filesystem::path& dir,
                                                 const std::string& prefix) {
  std::vector<std::string> out;
  std::error_code error;
  for (const auto& e : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = e.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) == 0) out.push_back(name);
  }
  return out;
}

}  // namespace testing_support
