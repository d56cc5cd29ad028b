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

}  // namespace

std::optional<StrayCharacter> find_stray_non_ascii(std::string_view text) {
  enum class In { code, comment, basic, literal, multi_basic, multi_literal };
  In in = In::code;
  // A quote opens a string only where TOML can have one: at a key (line start, after '[', '{',
  // ',' or a dotted key's '.') or a value (after '=', '[', ','). Elsewhere (`x = 2"""...`,
  // `x = 1.'''...`) toml++ reads on as a broken bare value, so what follows is checked as code.
  // A '.' only joins key parts, so it opens a string only before the key's '='; `nesting` holds
  // the open '[' (array) and '{' (inline table) of the value, so a ',' or '}' knows whether a key
  // or a value comes next, and a newline inside an array stays in the value.
  char last_code = '\n';
  bool in_value = false;
  std::string nesting;
  std::uint32_t line = 1, column = 1;
  std::size_t i = 0;
  auto advance = [&](std::size_t n) {
    i += n;
    ++column;
  };
  // Leaves a string whose closing quotes (one or three) start at i; a value ends there.
  auto close_string = [&](std::size_t quotes) {
    in = In::code;
    last_code = '"';
    i += quotes - 1;
    column += static_cast<std::uint32_t>(quotes - 1);
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') {
      if (in == In::comment || in == In::basic || in == In::literal) in = In::code;
      if (in == In::code) {
        last_code = '\n';
        if (nesting.empty() || nesting.back() == '{') {
          // A new line starts a key (an inline table cannot span lines: toml++ refuses that).
          in_value = false;
          nesting.clear();
        }
      }
      ++i;
      ++line;
      column = 1;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      std::uint32_t cp = 0;
      const std::size_t len = decode(text, i, cp);
      if (in == In::code) return StrayCharacter{line, column, cp};
      advance(len);
      continue;
    }
    switch (in) {
      case In::code: {
        const bool string_may_start =
            std::string_view("\n[=,{").find(last_code) != std::string_view::npos ||
            (last_code == '.' && !in_value);
        if (c != ' ' && c != '\t' && c != '\r') last_code = c;
        track_key_or_value(c, in_value, nesting);
        if (c == '#') {
          in = In::comment;
        } else if (!string_may_start) {
          // a quote here is no string start
        } else if (starts_with(text, i, "\"\"\"")) {
          in = In::multi_basic;
          i += 2;
          column += 2;
        } else if (starts_with(text, i, "'''")) {
          in = In::multi_literal;
          i += 2;
          column += 2;
        } else if (c == '"') {
          in = In::basic;
        } else if (c == '\'') {
          in = In::literal;
        }
        break;
      }
      case In::basic:
      case In::multi_basic:
        if (c == '\\') {
          // toml++ also asks "is this whitespace?" of what follows a backslash and its spaces
          // (the line-ending backslash of TOML), so a non-ASCII character there is refused too.
          // It skips newlines there too (a line-ending backslash), so the lookahead does.
          std::size_t j = i + 1;
          std::uint32_t at_line = line, at_column = column + 1;
          while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' ||
                                     (in == In::multi_basic && text[j] == '\n'))) {
            if (text[j] == '\n') {
              ++at_line;
              at_column = 1;
            } else {
              ++at_column;
            }
            ++j;
          }
          if (j < text.size() && static_cast<unsigned char>(text[j]) >= 0x80) {
            std::uint32_t cp = 0;
            decode(text, j, cp);
            return StrayCharacter{at_line, at_column, cp};
          }
          if (i + 1 < text.size() && text[i + 1] != '\n') advance(1);  // escaped: cannot end
        } else if (in == In::basic && c == '"') {
          close_string(1);
        } else if (in == In::multi_basic && starts_with(text, i, "\"\"\"")) {
          close_string(3);
        }
        break;
      case In::literal:
        if (c == '\'') close_string(1);
        break;
      case In::multi_literal:
        if (starts_with(text, i, "'''")) close_string(3);
        break;
      case In::comment:
        break;
    }
    advance(1);
  }
  return std::nullopt;
}

}  // namespace io
