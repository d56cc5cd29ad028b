// A hand-written scan rather than std::regex: the text may be a long error message, and the
// rules (libpq's quoting) are simpler said in code than in a pattern.
#include "io/gdal/connection_text.h"

#include <cctype>
#include <cstddef>

namespace io {
namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool starts_with_nocase(const std::string& text, std::size_t at, const std::string& word) {
  if (text.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(text[at + i]) != word[i]) return false;
  }
  return true;
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// End of a libpq conninfo value starting at `at`: a quoted value ('...' with \' and \\ escapes)
/// up to its closing quote, otherwise up to white space or a quote (the value ends where the
/// string quoting it on a message ends).
std::size_t value_end(const std::string& text, std::size_t at) {
  if (at < text.size() && text[at] == '\'') {
    std::size_t i = at + 1;
    while (i < text.size() && text[i] != '\'') i += text[i] == '\\' ? 2 : 1;
    return i < text.size() ? i + 1 : text.size();
  }
  std::size_t i = at;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) == 0 &&
         text[i] != '\'' && text[i] != '"') {
    ++i;
  }
  return i;
}

/// Replaces the values of `password=` keys from `from` on.
std::string hide_keyword_passwords(std::string text) {
  const std::string key = "password";
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (!starts_with_nocase(text, at, key)) continue;
    if (at > 0 && is_word_char(text[at - 1])) continue;  // e.g. "old_password="
    std::size_t i = at + key.size();
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size() || text[i] != '=') continue;
    ++i;
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t end = value_end(text, i);
    text.replace(i, end - i, "***");
    at = i + 2;
  }
  return text;
}

/// Replaces the password of `scheme://user:password@host` URIs.
std::string hide_uri_passwords(std::string text) {
  for (std::size_t at = text.find("://"); at != std::string::npos; at = text.find("://", at + 3)) {
    const std::size_t start = at + 3;
    std::size_t end = start;
    // The authority ends at the first '/', '?', '#' or white space; its user info at the last '@'.
    while (end < text.size() && text[end] != '/' && text[end] != '?' && text[end] != '#' &&
           std::isspace(static_cast<unsigned char>(text[end])) == 0 && text[end] != '\'' &&
           text[end] != '"') {
      ++end;
    }
    const std::size_t at_sign = text.rfind('@', end == 0 ? 0 : end - 1);
    if (at_sign == std::string::npos || at_sign < start) continue;
    const std::size_t colon = text.find(':', start);
    if (colon == std::string::npos || colon > at_sign) continue;
    text.replace(colon + 1, at_sign - colon - 1, "***");
  }
  return text;
}

}  // namespace

std::string hide_passwords(const std::string& text) {
  return hide_uri_passwords(hide_keyword_passwords(text));
}

bool is_postgres_source(const std::string& name) {
  return starts_with_nocase(name, 0, "pg:") || starts_with_nocase(name, 0, "postgresql://") ||
         starts_with_nocase(name, 0, "postgres://");
}

}  // namespace io
