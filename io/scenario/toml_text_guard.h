// A check of scenario text before toml++ sees it. TOML 1.0 allows non-ASCII characters only
// inside strings and comments; toml++ 3.3.0 (Debian 12) reaches __builtin_unreachable (undefined
// behaviour) on some of them between tokens, e.g. a Chinese full stop typed after a value
// (`a = 1。`), upstream tomlplusplus #190/#295, fixed by #305. Refusing every non-ASCII character
// outside strings and comments is what TOML says anyway and keeps those bytes from the parser.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace io {

struct StrayCharacter {
  std::uint32_t line = 0, column = 0;  ///< 1-based; column counts characters, not bytes
  std::uint32_t code_point = 0;        ///< 0xFFFD when the bytes are not valid UTF-8
};

/// The first non-ASCII character outside TOML strings ("...", '...', """...""", '''...''') and
/// comments, or right after a backslash and its spaces inside a basic string, if any.
std::optional<StrayCharacter> find_stray_non_ascii(std::string_view text);

}  // namespace io
