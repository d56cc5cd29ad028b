#include "io/run/task_bytes.h"

#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <type_traits>

namespace io {
namespace {

/// Writes or reads every value through one `fields` list per struct, so the two sides cannot
/// disagree on the order.
class Writer {
 public:
  std::string bytes;

  template <class T>
  void operator()(const T& value) {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
      bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
    } else {
      fields(*this, const_cast<T&>(value));
    }
  }
  void operator()(const std::string& s) {
    (*this)(static_cast<std::uint64_t>(s.size()));
    bytes.append(s);
  }
  template <class T>
  void operator()(const std::optional<T>& o) {
    (*this)(o.has_value());
    if (o) (*this)(*o);
  }
  template <class T>
  void operator()(const std::vector<T>& v) {
    (*this)(static_cast<std::uint64_t>(v.size()));
    for (const T& x : v) (*this)(x);
  }
  template <class T>
  void operator()(const std::deque<T>& v) {
    (*this)(static_cast<std::uint64_t>(v.size()));
    for (const T& x : v) (*this)(x);
  }
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : m_bytes(bytes) {}

  template <class T>
  void operator()(T& value) {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
      take(&value, sizeof value);
    } else {
      fields(*this, value);
    }
  }
  void operator()(std::string& s) {
    s.resize(size());
    take(s.data(), s.size());
  }
  template <class T>
  void operator()(std::optional<T>& o) {
    bool has = false;
    (*this)(has);
    o.reset();
    if (has) (*this)(o.emplace());
  }
  template <class T>
  void operator()(std::vector<T>& v) {
    v.clear();
    v.resize(size());
    for (T& x : v) (*this)(x);
  }
  template <class T>
  void operator()(std::deque<T>& v) {
    v.clear();
    v.resize(size());
    for (T& x : v) (*this)(x);
  }
  void finish() const {
    if (!m_bytes.empty()) throw std::runtime_error("task result: trailing bytes");
  }

 private:
  std::size_t size() {
    std::uint64_t n = 0;
    (*this)(n);
    if (n > m_bytes.size()) throw std::runtime_error("task result: truncated");
    return static_cast<std::size_t>(n);
  }
  void take(void* to, std::size_t n) {
    if (n > m_bytes.size()) throw std::runtime_error("task result: truncated");
    if (n > 0) std::memcpy(to, m_bytes.data(), n);
    m_bytes.remove_prefix(n);
  }
  std::string_view m_bytes;
};

// One list per struct: every member, in declaration order.
template <class A>
void fields(A& a, planner::XY& v) {
  a(v.x), a(v.y);
}
template <class A>
void fields(A& a, planner::Polygon& v) {
  a(v.outer), a(v.holes);
}
template <class A>
void fields(A& a, planner::BlockResult& v) {
  a(v.id), a(v.name), a(v.community), a(v.pop), a(v.minutes), a(v.status), a(v.center_id),
      a(v.center_tier), a(v.shape), a(v.access), a(v.tiers_met);
}
template <class A>
void fields(A& a, planner::CenterResult& v) {
  a(v.id), a(v.name), a(v.tier), a(v.attached), a(v.reach_blk), a(v.reach_pop), a(v.served_blk),
      a(v.served_pop), a(v.pos);
}
template <class A>
void fields(A& a, planner::ScopeFigures& v) {
  a(v.scope), a(v.blocks), a(v.covered), a(v.pop), a(v.covered_pop), a(v.covered_share);
}
template <class A>
void fields(A& a, planner::ComplianceRow& v) {
  a(v.scope), a(v.scope_id), a(v.std_tier), a(v.definition), a(v.blocks), a(v.met_blk), a(v.pop),
      a(v.met_pop), a(v.area_m2), a(v.met_area), a(v.sh_blk), a(v.sh_pop), a(v.sh_area);
}
template <class A>
void fields(A& a, planner::ResultSnapshot& v) {
  a(v.has_population), a(v.cover_minutes), a(v.blocks), a(v.centers), a(v.scopes), a(v.compliance),
      a(v.grids), a(v.grids_without_point), a(v.access_methods), a(v.standard_tiers);
}
template <class A>
void fields(A& a, planner::BlockChange& v) {
  a(v.id), a(v.name), a(v.community), a(v.pop), a(v.minutes_before), a(v.minutes_after),
      a(v.minutes_change), a(v.status_before), a(v.status_after), a(v.center_before),
      a(v.center_after), a(v.kind), a(v.before_index), a(v.after_index), a(v.access_before),
      a(v.access_after);
}
template <class A>
void fields(A& a, planner::CenterChange& v) {
  a(v.id), a(v.name), a(v.tier), a(v.kind), a(v.reach_blk_before), a(v.reach_blk_after),
      a(v.reach_pop_before), a(v.reach_pop_after), a(v.served_blk_before), a(v.served_blk_after),
      a(v.served_pop_before), a(v.served_pop_after), a(v.before_index), a(v.after_index);
}
template <class A>
void fields(A& a, planner::ScopeChange& v) {
  a(v.scope), a(v.before), a(v.after);
}
template <class A>
void fields(A& a, planner::StandardTierChange& v) {
  a(v.std_tier), a(v.before), a(v.after);
}
template <class A>
void fields(A& a, planner::ComparisonCounts& v) {
  a(v.newly_covered), a(v.newly_uncovered), a(v.status), a(v.minutes), a(v.center), a(v.removed),
      a(v.added), a(v.unchanged), a(v.access), a(v.minutes_lower), a(v.minutes_higher),
      a(v.centers_opened), a(v.centers_closed), a(v.centers_reach_changed);
}
template <class A>
void fields(A& a, planner::AccessChange& v) {
  a(v.method), a(v.compared), a(v.higher), a(v.lower);
}
template <class A>
void fields(A& a, planner::Comparison& v) {
  a(v.has_population), a(v.blocks), a(v.centers), a(v.scopes), a(v.standard), a(v.counts),
      a(v.access_methods), a(v.access);
}
template <class A>
void fields(A& a, planner::TierRow& v) {
  a(v.tier), a(v.centers), a(v.blocks), a(v.covered), a(v.covered_pop), a(v.covered_share);
}
template <class A>
void fields(A& a, planner::StandardShare& v) {
  a(v.std_tier), a(v.met_blk), a(v.share);
}
template <class A>
void fields(A& a, planner::VariantRow& v) {
  a(v.scenario), a(v.variant), a(v.error), a(v.speed_kmh), a(v.minutes), a(v.cover_minutes),
      a(v.max_snap_m), a(v.edits), a(v.centers), a(v.network_edges), a(v.blocks), a(v.covered),
      a(v.uncovered), a(v.unreachable), a(v.has_population), a(v.pop), a(v.covered_pop),
      a(v.covered_share), a(v.newly_covered), a(v.newly_uncovered), a(v.minutes_changed),
      a(v.tiers), a(v.standard);
}
template <class A>
void fields(A& a, planner::ServiceAreaPolygon& v) {
  a(v.center), a(v.tier), a(v.band), a(v.from_min), a(v.to_min), a(v.shape), a(v.area_m2), a(v.pop);
}
template <class A>
void fields(A& a, KeptVariant& v) {
  a(v.name), a(v.snapshot), a(v.comparison);
}
template <class A>
void fields(A& a, BaseOutcome& v) {
  a(v.row), a(v.snapshot), a(v.areas);
}
template <class A>
void fields(A& a, VariantOutcome& v) {
  a(v.row), a(v.kept);
}

template <class T>
std::string write(const T& value) {
  Writer w;
  w(value);
  return std::move(w.bytes);
}

template <class T>
T read(std::string_view bytes) {
  T value;
  Reader r(bytes);
  r(value);
  r.finish();
  return value;
}

}  // namespace

std::string to_bytes(const BaseOutcome& outcome) {
  return write(outcome);
}
std::string to_bytes(const VariantOutcome& outcome) {
  return write(outcome);
}
std::string to_bytes(const std::vector<planner::VariantRow>& rows) {
  return write(rows);
}

BaseOutcome base_outcome_of(std::string_view bytes) {
  return read<BaseOutcome>(bytes);
}
VariantOutcome variant_outcome_of(std::string_view bytes) {
  return read<VariantOutcome>(bytes);
}
std::vector<planner::VariantRow> rows_of(std::string_view bytes) {
  return read<std::vector<planner::VariantRow>>(bytes);
}

}  // namespace io
