// What the fuzz targets share: a reader that turns libFuzzer's bytes into structured values, and
// FUZZ_CHECK for the properties every input must keep. The same target sources are built with
// libFuzzer (CIRCLEPLAN_FUZZ, scripts/fuzz.sh) and, with replay_main.cpp, as ordinary ctest
// programs that replay the seed corpus and every saved crash input (docs/robustness.md).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

/// A broken property is a crash for libFuzzer (it keeps the input) and a failure for the replay.
#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (false)

namespace fuzz {

/// Reads bytes front to back; past the end every read gives zero / empty, never fails, so any
/// input is a valid program.
class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

  bool empty() const { return m_pos >= m_size; }
  std::size_t remaining() const { return m_size - m_pos; }

  std::uint8_t byte() { return empty() ? 0 : m_data[m_pos++]; }

  template <typename T>
  T integral() {
    T value{};
    std::uint8_t raw[sizeof(T)] = {};
    for (std::size_t i = 0; i < sizeof(T); ++i) raw[i] = byte();
    std::memcpy(&value, raw, sizeof(T));
    return value;
  }

  /// Mostly ordinary numbers, often the awkward ones: NaN, infinities, huge, tiny, -0, raw bits.
  double number() {
    switch (byte() % 12) {
      case 0:
        return std::numeric_limits<double>::quiet_NaN();
      case 1:
        return (byte() & 1 ? 1 : -1) * std::numeric_limits<double>::infinity();
      case 2:
        return (byte() & 1 ? 1 : -1) * std::numeric_limits<double>::max();
      case 3:
        return std::numeric_limits<double>::denorm_min();
      case 4:
        return -0.0;
      case 5: {
        const auto bits = integral<std::uint64_t>();
        double value = 0;
        std::memcpy(&value, &bits, sizeof value);
        return value;
      }
      case 6:
        return static_cast<double>(integral<std::int32_t>()) * 1e6;
      default:  // small coordinates, so that points meet and lines share nodes
        return static_cast<double>(integral<std::int16_t>()) / 64.0;
    }
  }

  /// Up to `max` bytes, length first.
  std::string text(std::size_t max) {
    const std::size_t n = std::min<std::size_t>(byte() % (max + 1), remaining());
    std::string out(reinterpret_cast<const char*>(m_data + m_pos), n);
    m_pos += n;
    return out;
  }

  std::string rest() {
    std::string out(reinterpret_cast<const char*>(m_data + m_pos), remaining());
    m_pos = m_size;
    return out;
  }

 private:
  const std::uint8_t* m_data;
  std::size_t m_size;
  std::size_t m_pos = 0;
};

/// `text` cut at every `separator` (so n separators give n+1 parts).
inline std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts(1);
  for (const char c : text) {
    if (c == separator) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

}  // namespace fuzz
