#include "io/scenario/toml_text_guard.h"

#include <string>

namespace io {
namespace {

/// Decodes one UTF-8 character at text[i] (non-ASCII lead byte) and returns its length.
std::size_t decode(std::string_view text, std::size_t i, std::uint32_t& cp) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (len == 1 || i + len > text.size()) {
    cp = 0xFFFD;
    return 1;
  }
  cp = lead & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) {
      cp = 0xFFFD;
      return 1;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  return len;
}

bool starts_with(std::string_view text, std::size_t i, std::string_view s) {
  return text.substr(i, s.size()) == s;
}

/// Follows whether code at this point is in a key or a value: '=' starts a value; '{' and a ','
/// inside an inline table start a key; '[' inside a value opens an array (a table header's '['
/// does not nest); a closing '}' or ']' ends a value, so what follows is still in one.
void track_key_or_value(char c, bool& in_value, std::string& nesting) {
  switch (c) {
    case '=':
      in_value = true;
      break;
    case '{':
      nesting.push_back('{');
      in_value = false;
      break;
    case '[':
      if (in_value) nesting.push_back('[');
      break;
    case ',':
      in_value = nesting.empty() || nesting.back() == '[';
      break;
    case '}':
    case ']':
      if (!nesting.empty()) {
        nesting.pop_back();
        in_value = true;
      }
      break;
    default:
      break;
  }
}

/// The scan behind find_stray_non_ascii: where in the TOML text we are (code, comment or one of
/// the four string kinds), and whether code there is a key or a value.
///
/// A quote opens a string only where TOML can have one: at a key (line start, after '[', '{',
/// ',' or a dotted key's '.') or a value (after '=', '[', ','). Elsewhere (`x = 2"""...`,
/// `x = 1.'''...`) toml++ reads on as a broken bare value, so what follows is checked as code.
/// A '.' only joins key parts, so it opens a string only before the key's '='; `m_nesting` holds
/// the open '[' (array) and '{' (inline table) of the value, so a ',' or '}' knows whether a key
/// or a value comes next, and a newline inside an array stays in the value.
class StrayScanner {
 public:
  explicit StrayScanner(std::string_view text) : m_text(text) {}

  std::optional<StrayCharacter> scan() {
    while (m_i < m_text.size()) {
      const char c = m_text[m_i];
      if (c == '\n') {
        newline();
        continue;
      }
      if (static_cast<unsigned char>(c) >= 0x80) {
        std::uint32_t cp = 0;
        const std::size_t len = decode(m_text, m_i, cp);
        if (m_in == In::code) return StrayCharacter{m_line, m_column, cp};
        advance(len);
        continue;
      }
      if (auto stray = step(c)) return stray;
      advance(1);
    }
    return std::nullopt;
  }

 private:
  enum class In { code, comment, basic, literal, multi_basic, multi_literal };

  void advance(std::size_t n) {
    m_i += n;
    ++m_column;
  }

  void newline() {
    if (m_in == In::comment || m_in == In::basic || m_in == In::literal) m_in = In::code;
    if (m_in == In::code) {
      m_last_code = '\n';
      if (m_nesting.empty() || m_nesting.back() == '{') {
        // A new line starts a key (an inline table cannot span lines: toml++ refuses that).
        m_in_value = false;
        m_nesting.clear();
      }
    }
    ++m_i;
    ++m_line;
    m_column = 1;
  }

  /// One ASCII character other than a newline, in the current state.
  std::optional<StrayCharacter> step(char c) {
    switch (m_in) {
      case In::code:
        code(c);
        break;
      case In::basic:
      case In::multi_basic:
        return basic(c);
      case In::literal:
        if (c == '\'') close_string(1);
        break;
      case In::multi_literal:
        if (starts_with(m_text, m_i, "'''")) close_string(3);
        break;
      case In::comment:
        break;
    }
    return std::nullopt;
  }

  void code(char c) {
    const bool string_may_start =
        std::string_view("\n[=,{").find(m_last_code) != std::string_view::npos ||
        (m_last_code == '.' && !m_in_value);
    if (c != ' ' && c != '\t' && c != '\r') m_last_code = c;
    track_key_or_value(c, m_in_value, m_nesting);
    if (c == '#') {
      m_in = In::comment;
    } else if (!string_may_start) {
      // a quote here is no string start
    } else if (starts_with(m_text, m_i, "\"\"\"")) {
      open_multi(In::multi_basic);
    } else if (starts_with(m_text, m_i, "'''")) {
      open_multi(In::multi_literal);
    } else if (c == '"') {
      m_in = In::basic;
    } else if (c == '\'') {
      m_in = In::literal;
    }
  }

  void open_multi(In kind) {
    m_in = kind;
    m_i += 2;
    m_column += 2;
  }

  /// Inside a basic string: escapes, and the closing quotes.
  std::optional<StrayCharacter> basic(char c) {
    if (c == '\\') {
      if (auto stray = after_backslash()) return stray;
      if (m_i + 1 < m_text.size() && m_text[m_i + 1] != '\n') advance(1);  // escaped: cannot end
    } else if (m_in == In::basic && c == '"') {
      close_string(1);
    } else if (m_in == In::multi_basic && starts_with(m_text, m_i, "\"\"\"")) {
      close_string(3);
    }
    return std::nullopt;
  }

  /// toml++ also asks "is this whitespace?" of what follows a backslash and its spaces (the
  /// line-ending backslash of TOML), so a non-ASCII character there is refused too. It skips
  /// newlines there too (a line-ending backslash), so the lookahead does.
  std::optional<StrayCharacter> after_backslash() const {
    std::size_t j = m_i + 1;
    std::uint32_t at_line = m_line, at_column = m_column + 1;
    while (j < m_text.size() && (m_text[j] == ' ' || m_text[j] == '\t' || m_text[j] == '\r' ||
                                 (m_in == In::multi_basic && m_text[j] == '\n'))) {
      if (m_text[j] == '\n') {
        ++at_line;
        at_column = 1;
      } else {
        ++at_column;
      }
      ++j;
    }
    if (j < m_text.size() && static_cast<unsigned char>(m_text[j]) >= 0x80) {
      std::uint32_t cp = 0;
      decode(m_text, j, cp);
      return StrayCharacter{at_line, at_column, cp};
    }
    return std::nullopt;
  }

  /// Leaves a string whose closing quotes (one or three) start at m_i; a value ends there.
  void close_string(std::size_t quotes) {
    m_in = In::code;
    m_last_code = '"';
    m_i += quotes - 1;
    m_column += static_cast<std::uint32_t>(quotes - 1);
  }

  std::string_view m_text;
  In m_in = In::code;
  char m_last_code = '\n';
  bool m_in_value = false;
  std::string m_nesting;
  std::uint32_t m_line = 1, m_column = 1;
  std::size_t m_i = 0;
};

}  // namespace

std::optional<StrayCharacter> find_stray_non_ascii(std::string_view text) {
  return StrayScanner(text).scan();
}

}  // namespace io
