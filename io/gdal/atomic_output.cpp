#include "io/gdal/atomic_output.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

#include "io/errors.h"
#include "io/gdal/run_manifest.h"

namespace fs = std::filesystem;

namespace io::detail {
namespace {

// What write_layers / write_text_file put in an output folder (plus GIS sidecars such as .qix
// indexes or .shp.xml metadata that QGIS/ArcGIS add when a planner opens the layers).
constexpr std::array<std::string_view, 15> output_extensions = {
    ".shp", ".shx",     ".dbf",  ".prj", ".cpg",  ".qix", ".sbn", ".sbx",
    ".xml", ".geojson", ".json", ".csv", ".csvt", ".fgb", ".qml"};

bool is_our_file(const fs::directory_entry& entry) {
  if (!entry.is_regular_file()) return false;
  std::string extension = entry.path().extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(output_extensions.begin(), output_extensions.end(), extension) !=
         output_extensions.end();
}

std::string errno_text(int error) {
  return std::strerror(error);
}

void sync_path(const fs::path& path, bool directory) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
  if (fd < 0) return;  // durability is best effort; the rename itself is what must not fail
  ::fsync(fd);
  ::close(fd);
}

void sync_tree(const fs::path& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) {
    for (const auto& entry : fs::recursive_directory_iterator(path, error)) {
      sync_path(entry.path(), entry.is_directory());
    }
    sync_path(path, true);
  } else {
    sync_path(path, false);
  }
}

// renameat2 with a flag, or -1 with errno EINVAL/ENOSYS where the kernel or file system lacks it.
int rename_with(const fs::path& from, const fs::path& to, unsigned int flags) {
  return ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), flags);
}

bool unsupported(int error) {
  return error == EINVAL || error == ENOSYS || error == ENOTSUP;
}

// SQLite (GeoPackage) may keep a rollback journal or WAL files beside the database.
constexpr std::array<std::string_view, 3> sqlite_sidecars = {"-journal", "-wal", "-shm"};

void remove_with_sidecars(const fs::path& temp) {
  std::error_code ignored;
  fs::remove_all(temp, ignored);
  for (std::string_view suffix : sqlite_sidecars) {
    fs::remove(fs::path(temp.string() + std::string(suffix)), ignored);
  }
}

// The temporaries of runs that died without cleaning up (kill -9, power loss, a second Ctrl-C):
// ".<name>.tmp-<pid>..." whose process no longer exists. A process that still exists may be
// another run writing the same output right now: its files are left alone.
void remove_stale_temporaries(const fs::path& parent, const std::string& prefix) {
  std::error_code error;
  std::vector<fs::path> stale;
  for (const auto& entry : fs::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    std::size_t end = prefix.size();
    while (end < name.size() && std::isdigit(static_cast<unsigned char>(name[end]))) ++end;
    if (end == prefix.size() || end - prefix.size() > 9) continue;
    const pid_t pid =
        static_cast<pid_t>(std::stol(name.substr(prefix.size(), end - prefix.size())));
    if (pid == ::getpid()) continue;  // our own: handled by the caller
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;
    stale.push_back(entry.path());
  }
  for (const fs::path& p : stale) fs::remove_all(p, error);
}

}  // namespace

void StagedOutput::check_target(const fs::path& target, Kind kind, bool overwrite) {
  const std::string context = "output '" + target.string() + "': ";
  if (target.empty() || !target.has_filename()) {
    throw OutputError(context + "not a file or folder name");
  }
  std::error_code error;
  const fs::file_status status = fs::symlink_status(target, error);
  if (!fs::exists(status)) return;
  const bool is_folder = fs::is_directory(fs::status(target, error));
  // `run --out out/` into a folder made beforehand (mkdir -p) is not replacing anything.
  const bool empty_folder = kind == Kind::run_folder && is_folder && fs::is_empty(target, error);
  if (!overwrite && !empty_folder) {
    throw OutputError(context + "exists; use --overwrite to replace it");
  }
  if (kind == Kind::file && is_folder) {
    throw OutputError(context + "is a folder; a file is to be written there");
  }
  if (kind != Kind::file && !is_folder) {
    throw OutputError(context + "is a file; a folder of layers is to be written there");
  }
  if (kind == Kind::run_folder) {
    if (const std::optional<std::string> other = entry_not_in_manifest(target)) {
      throw OutputError(context + "holds '" + *other + "', which its " + manifest_name +
                        " does not list (circleplan did not write it); not replacing the "
                        "folder: move that file away, or choose another --out");
    }
  }
  if (kind == Kind::folder) {
    for (const auto& entry : fs::directory_iterator(target, error)) {
      if (!is_our_file(entry)) {
        throw OutputError(context + "holds '" + entry.path().filename().string() +
                          "', which circleplan does not write; not replacing the folder");
      }
    }
  }
}

StagedOutput::StagedOutput(fs::path target, Kind kind, bool overwrite,
                           const std::string& file_extension)
    : m_target(std::move(target)), m_kind(kind), m_overwrite(overwrite) {
  check_target(m_target, m_kind, m_overwrite);
  std::error_code error;
  const fs::path parent = m_target.has_parent_path() ? m_target.parent_path() : fs::path(".");
  fs::create_directories(parent, error);
  if (error) throw OutputError(context() + "cannot create its folder: " + error.message());

  // Built by appending: GCC 12 misreports "literal" + std::string&& as -Wrestrict (bug 105651).
  std::string temp_prefix = ".";
  temp_prefix += m_target.filename().string();
  temp_prefix += ".tmp-";
  std::string temp_name = temp_prefix;
  temp_name += std::to_string(::getpid());
  if (m_kind == Kind::file) temp_name += file_extension;
  m_temp = parent / temp_name;
  remove_stale_temporaries(parent, temp_prefix);
  remove_with_sidecars(m_temp);  // a leftover of a killed run that had the same pid
  if (m_kind != Kind::file && !fs::create_directory(m_temp, error)) {
    throw OutputError(context() + "cannot create temporary folder '" + m_temp.string() +
                      "': " + error.message());
  }
}

StagedOutput::~StagedOutput() {
  if (m_committed) return;
  remove_with_sidecars(m_temp);
}

std::string StagedOutput::context() const {
  return "output '" + m_target.string() + "': ";
}

void StagedOutput::commit() {
  if (m_kind == Kind::run_folder) write_run_manifest(m_temp);
  sync_tree(m_temp);
  if (m_kind == Kind::file) {
    commit_file();
  } else {
    commit_folder();
  }
  m_committed = true;
  sync_path(m_target.has_parent_path() ? m_target.parent_path() : fs::path("."), true);
}

void StagedOutput::commit_file() {
  if (m_overwrite) {
    if (std::rename(m_temp.c_str(), m_target.c_str()) != 0) {
      throw OutputError(context() + "cannot move the result into place: " + errno_text(errno));
    }
    return;
  }
  // The target was absent when checked; NOREPLACE keeps it so if another process was faster.
  if (rename_with(m_temp, m_target, RENAME_NOREPLACE) == 0) return;
  const int failure = errno;
  if (failure == EEXIST || (unsupported(failure) && fs::exists(m_target))) {
    throw OutputError(context() + "exists; use --overwrite to replace it");
  }
  if (!unsupported(failure)) {
    throw OutputError(context() + "cannot move the result into place: " + errno_text(failure));
  }
  if (std::rename(m_temp.c_str(), m_target.c_str()) != 0) {
    throw OutputError(context() + "cannot move the result into place: " + errno_text(errno));
  }
}

void StagedOutput::commit_folder() {
  std::error_code error;
  const bool exists = fs::exists(fs::symlink_status(m_target, error));
  // An empty run folder made beforehand is swapped like a replaced one; not one filled meanwhile.
  const bool empty_run_folder =
      m_kind == Kind::run_folder && exists && fs::is_empty(m_target, error) && !error;
  const bool replacing = exists && (m_overwrite || empty_run_folder);
  if (!replacing) {
    // rename(2) would silently replace an empty folder created meanwhile; NOREPLACE does not.
    if (rename_with(m_temp, m_target, RENAME_NOREPLACE) == 0) return;
    if (errno == EEXIST || errno == ENOTEMPTY) {
      throw OutputError(context() + "exists; use --overwrite to replace it");
    }
    if (!unsupported(errno) || std::rename(m_temp.c_str(), m_target.c_str()) != 0) {
      throw OutputError(context() + "cannot move the result into place: " + errno_text(errno));
    }
    return;
  }
  if (rename_with(m_temp, m_target, RENAME_EXCHANGE) == 0) {
    fs::remove_all(m_temp, error);  // now the previous output
    return;
  }
  if (!unsupported(errno)) {
    throw OutputError(context() + "cannot swap the result into place: " + errno_text(errno));
  }
  const fs::path old = m_temp.string() + ".old";
  if (std::rename(m_target.c_str(), old.c_str()) != 0) {
    throw OutputError(context() + "cannot move the previous output aside: " + errno_text(errno));
  }
  if (std::rename(m_temp.c_str(), m_target.c_str()) != 0) {
    const int failure = errno;
    if (std::rename(old.c_str(), m_target.c_str()) != 0) {
      throw OutputError(context() + "cannot move the result into place (" + errno_text(failure) +
                        "); the previous output is at '" + old.string() + "'");
    }
    throw OutputError(context() + "cannot move the result into place: " + errno_text(failure));
  }
  fs::remove_all(old, error);
}

}  // namespace io::detail
