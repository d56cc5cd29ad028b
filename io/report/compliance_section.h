// The report's compliance section (docs/standards.md): each tier of the service standard over
// all blocks for the base and every variant, the reporting units (communities, grids,
// subdistricts) of the base worst first, and the one-point-per-grid (一网格一站点) check. Every
// figure names the definition it uses, so walk minutes, network metres and radii never mix.
#pragma once

#include <string>

#include "io/report/html_report.h"

namespace io {

/// The section's HTML; empty when no result has a standard or grids.
std::string compliance_section(const ReportInput& input);

}  // namespace io
