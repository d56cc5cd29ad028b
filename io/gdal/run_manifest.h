// The manifest of a run's output folder (`run`, `batch`): circleplan-manifest.txt lists every
// file circleplan wrote there, so `--overwrite` can replace the folder as a whole while refusing
// one that holds anything else (a planner's notes, a QGIS project, someone else's data): those
// would be deleted by the swap. docs/scenarios.md §3.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace io::detail {

/// The manifest's file name inside the folder.
inline constexpr const char* manifest_name = "circleplan-manifest.txt";

/// Writes the manifest of `folder`: every regular file below it (relative paths with '/', sorted
/// bytewise, the manifest itself left out), after a comment line. Deterministic. Throws
/// OutputError.
void write_run_manifest(const std::filesystem::path& folder);

/// The first entry of an existing `folder` (relative path) that its manifest does not account
/// for, or nullopt when the folder may be replaced: empty, or every file listed in the manifest
/// or a sidecar a GIS adds beside a listed file while it is open (SQLite's -wal/-shm/-journal,
/// QGIS/ArcGIS spatial indexes and metadata .qix, .sbn, .sbx, .aux.xml, .xml). A non-empty
/// folder without a manifest: its first entry.
std::optional<std::string> entry_not_in_manifest(const std::filesystem::path& folder);

}  // namespace io::detail
