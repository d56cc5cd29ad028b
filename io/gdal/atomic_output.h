// Writing an output under a temporary name beside its target and moving it into place at the end,
// so an interrupted or failed run never leaves a half-written result and never damages the
// previous one.
#pragma once

#include <filesystem>
#include <string>

namespace io::detail {

/// One output (a file, or a folder of files) being staged. The temporary lives in the target's
/// own folder (".<name>.tmp-<pid>", plus the format's extension for files so GDAL drivers
/// recognise it), so the final move is a rename(2) within one file system. The destructor removes
/// the temporary (and SQLite's -journal/-wal/-shm beside it) unless commit() succeeded, so an
/// error or a cancelled run (planner::Cancelled unwinding the stack) leaves nothing behind.
/// Temporaries of earlier runs of the same output whose process no longer exists (kill -9, a
/// second Ctrl-C) are removed when the next StagedOutput for that target is made; until then they
/// are hidden dot-files that nothing reads.
class StagedOutput {
 public:
  /// `run_folder`: a folder of files and subfolders (a `run` or `batch` output) known by its
  /// manifest (run_manifest.h): written at commit, and what --overwrite may replace.
  enum class Kind { file, folder, run_folder };

  /// Checks the target before anything is written: it must not exist unless `overwrite`
  /// (OutputError "exists; use --overwrite"); an existing target must be of the same kind, and an
  /// existing folder may hold only files that circleplan writes (so --overwrite never deletes a
  /// folder of unrelated data; for a run folder: the files its manifest lists). An existing
  /// empty run folder is replaced without --overwrite. Creates missing parent folders, and the
  /// temporary folder for Kind::folder. Throws OutputError naming the target.
  StagedOutput(std::filesystem::path target, Kind kind, bool overwrite,
               const std::string& file_extension = {});
  ~StagedOutput();
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;

  /// The constructor's checks of the target alone, creating nothing: to refuse early, before a
  /// long computation, what the final write would refuse. Throws OutputError.
  static void check_target(const std::filesystem::path& target, Kind kind, bool overwrite);

  /// Where to write: the temporary file, or the temporary folder to fill.
  const std::filesystem::path& temp_path() const { return m_temp; }
  const std::filesystem::path& target() const { return m_target; }

  /// Writes a run folder's manifest, flushes the temporary to disk and moves it into place. A file
  /// replaces an existing one with rename(2); a folder is swapped with an existing one by
  /// renameat2(RENAME_EXCHANGE) and the old content is then deleted (where the file system cannot
  /// exchange: the old folder is moved aside first and moved back if the second rename fails).
  /// Throws OutputError.
  void commit();

 private:
  void commit_file();
  void commit_folder();
  std::string context() const;

  std::filesystem::path m_target;
  std::filesystem::path m_temp;
  Kind m_kind;
  bool m_overwrite;
  bool m_committed = false;
};

}  // namespace io::detail
