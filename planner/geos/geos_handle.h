// RAII wrappers around the GEOS C API (geos_c.h, reentrant _r functions).
//
// Debian ships only GEOS's stable C API; every handle we get from it is owned here so no code
// path can leak or double-free one. One GeosContext per thread: GEOS contexts are not shared.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include <geos_c.h>

namespace planner {

/// Owns a GEOSContextHandle_t; GEOS notices and errors go to a message buffer instead of stderr.
class GeosContext {
 public:
  GeosContext();
  ~GeosContext();
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;

  GEOSContextHandle_t get() const { return m_handle; }

  /// The last GEOS error message, for exceptions.
  const char* last_error() const;

 private:
  // Heap-held so its address, given to GEOS as callback data, stays put.
  std::unique_ptr<std::string> m_last_error;
  GEOSContextHandle_t m_handle;
};

/// Deleter for geometries of one context.
struct GeomDeleter {
  GEOSContextHandle_t context = nullptr;
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(context, g);
  }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

/// Lets a cancel flag stop GEOS operations that are running: one union of thousands of service
/// areas can spend minutes inside a single GEOS call, where no loop of ours asks the flag. GEOS
/// checks for an interrupt inside its long loops and calls a callback first; the callback
/// registered here asks GEOS to stop while `*flag` is set, so the call fails within a fraction of
/// a second and own() throws planner::Cancelled. GEOS's callback is process-wide (GEOS 3.11 has no
/// per-context one), so this is too: call it once, before any thread starts (the command line
/// does, with its Ctrl-C/SIGTERM/--max-memory flag). nullptr unregisters it.
void interrupt_geos_when(const std::atomic<bool>* flag);

/// Takes ownership of a geometry returned by GEOS; throws std::runtime_error when it is null,
/// planner::Cancelled when GEOS stopped because interrupt_geos_when's flag was set.
GeomPtr own(const GeosContext& ctx, GEOSGeometry* g, const char* operation);

/// A deep copy, owned.
GeomPtr clone(const GeosContext& ctx, const GEOSGeometry* g);

/// A collection of `type` (GEOS_MULTIPOLYGON, GEOS_MULTILINESTRING, ...) of `parts`, in order.
/// The parts stay owned until the one call that hands them to GEOS (which owns them from then
/// on, also when it fails), so a throw while a caller is still building them frees them all.
GeomPtr make_collection(const GeosContext& ctx, int type, std::vector<GeomPtr> parts,
                        const char* operation = "collection");

/// A polygon of a shell and holes (LinearRings), handed over to GEOS like make_collection's.
GeomPtr make_polygon(const GeosContext& ctx, GeomPtr shell, std::vector<GeomPtr> holes,
                     const char* operation = "polygon");

struct PreparedDeleter {
  GEOSContextHandle_t context = nullptr;
  void operator()(const GEOSPreparedGeometry* g) const {
    if (g) GEOSPreparedGeom_destroy_r(context, g);
  }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

/// Prepares a geometry for repeated predicates; `g` must outlive the result.
PreparedPtr prepare(const GeosContext& ctx, const GEOSGeometry* g);

struct TreeDeleter {
  GEOSContextHandle_t context = nullptr;
  void operator()(GEOSSTRtree* t) const {
    if (t) GEOSSTRtree_destroy_r(context, t);
  }
};
using TreePtr = std::unique_ptr<GEOSSTRtree, TreeDeleter>;

/// An empty STRtree with the given node capacity.
TreePtr make_tree(const GeosContext& ctx, std::size_t node_capacity = 10);

}  // namespace planner
