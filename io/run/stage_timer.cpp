#include "io/run/stage_timer.h"

#include <cstdio>

#include "io/tables/json_writer.h"

namespace io {

void StageTimer::start(std::string name) {
  stop();
  m_running = std::move(name);
  m_started = Clock::now();
}

void StageTimer::stop() {
  if (m_running.empty()) return;
  const double s = std::chrono::duration<double>(Clock::now() - m_started).count();
  const auto [it, added] = m_index.try_emplace(m_running, m_stages.size());
  if (added) {
    m_stages.emplace_back(std::move(m_running), s);
  } else {
    m_stages[it->second].second += s;
  }
  m_running.clear();
}

std::string StageTimer::json() const {
  io::JsonWriter json;
  double total = 0.0;
  json.begin_object().key("stages").begin_object();
  for (const auto& [name, s] : m_stages) {
    json.key(name).value(s);
    total += s;
  }
  json.end_object().key("total_s").value(total).end_object();
  return json.str();
}

std::string StageTimer::report() const {
  std::string out;
  char line[128];
  for (const auto& [name, s] : m_stages) {
    std::snprintf(line, sizeof line, "  %-22s %9.3f s\n", name.c_str(), s);
    out += line;
  }
  return out;
}

}  // namespace io
