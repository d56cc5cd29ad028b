// A minimal streaming JSON writer for summary.json and timings.json: objects, arrays, strings
// (UTF-8 passed through, control characters escaped) and numbers written with enough digits
// to round-trip, so the same run gives the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace io {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The key of the next value inside an object.
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);  ///< non-finite numbers are written as null
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(std::uint32_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();

  /// The document, ending with a newline.
  std::string str() const { return m_out + "\n"; }

 private:
  void before_value();
  JsonWriter& close(char bracket);
  void indent();
  std::string m_out;
  std::vector<bool> m_first;  ///< per open container: no member written yet
  bool m_after_key = false;
};

/// Quotes and escapes a string for JSON.
std::string json_quote(std::string_view text);

}  // namespace io
