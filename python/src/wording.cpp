#include "wording.h"

#include <algorithm>
#include <cctype>

namespace pycircleplan {

std::string keyword_of(const std::string& option) {
  std::string out = option.substr(option.find_first_not_of('-'));
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

Wording::Wording(const CLI::App& command, const std::map<std::string, std::string>& labels) {
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) {
      m_replace.emplace_back("--" + name, keyword_of(name));
    }
  }
  for (const auto& [path, label] : labels) m_replace.emplace_back(path, label);
  std::stable_sort(m_replace.begin(), m_replace.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

Wording::Wording(const std::map<std::string, std::string>& labels) {
  for (const auto& [path, label] : labels) m_replace.emplace_back(path, label);
  std::stable_sort(m_replace.begin(), m_replace.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

std::string Wording::operator()(std::string text) const {
  for (const auto& [from, to] : m_replace) {
    const bool option = from.rfind("--", 0) == 0;
    std::size_t at = 0;
    while ((at = text.find(from, at)) != std::string::npos) {
      // "--roads" inside "--roads-layer" was replaced already (longest first); a longer word
      // that merely starts like an option ("--roadsX") is left alone.
      const std::size_t end = at + from.size();
      const bool word_end =
          end >= text.size() || !(std::isalnum(static_cast<unsigned char>(text[end])) ||
                                  text[end] == '-' || text[end] == '_');
      if (option && !word_end) {
        at = end;
        continue;
      }
      text.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return text;
}

}  // namespace pycircleplan
