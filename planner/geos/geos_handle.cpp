#include "planner/geos/geos_handle.h"

#include <stdexcept>
#include <string>
#include <string_view>

#include "planner/cancel.h"

namespace planner {
namespace {

// GEOS reports through a callback; keep the last message per context for our exceptions.
void store_message(const char* message, void* userdata) {
  *static_cast<std::string*>(userdata) = message;
}

void ignore_notice(const char*, void*) {}

/// interrupt_geos_when's flag; read by GEOS's callback on every thread running GEOS.
std::atomic<const std::atomic<bool>*> g_interrupt_flag{nullptr};

void ask_geos_to_stop() {
  const std::atomic<bool>* flag = g_interrupt_flag.load(std::memory_order_relaxed);
  if (flag != nullptr && flag->load(std::memory_order_relaxed)) GEOS_interruptRequest();
}

/// Releases owned parts for a GEOS constructor that takes them over; only right at that call.
std::vector<GEOSGeometry*> hand_over(std::vector<GeomPtr>& owned) {
  std::vector<GEOSGeometry*> raw;
  raw.reserve(owned.size());
  for (GeomPtr& g : owned) raw.push_back(g.release());
  return raw;
}

}  // namespace

GeosContext::GeosContext()
    : m_last_error(std::make_unique<std::string>()), m_handle(GEOS_init_r()) {
  if (!m_handle) throw std::runtime_error("GEOS: cannot create a context");
  GEOSContext_setErrorMessageHandler_r(m_handle, &store_message, m_last_error.get());
  GEOSContext_setNoticeMessageHandler_r(m_handle, &ignore_notice, nullptr);
}

GeosContext::~GeosContext() {
  GEOS_finish_r(m_handle);
}

const char* GeosContext::last_error() const {
  return m_last_error->c_str();
}

void interrupt_geos_when(const std::atomic<bool>* flag) {
  g_interrupt_flag.store(flag);
  GEOS_interruptRegisterCallback(flag != nullptr ? &ask_geos_to_stop : nullptr);
}

GeomPtr own(const GeosContext& ctx, GEOSGeometry* g, const char* operation) {
  if (!g) {
    // GEOS's message for a stop it was asked for: "InterruptedException: Interrupted!".
    if (std::string_view(ctx.last_error()).find("Interrupted") != std::string_view::npos) {
      const std::atomic<bool>* flag = g_interrupt_flag.load();
      if (flag != nullptr && flag->load()) throw Cancelled();
    }
    throw std::runtime_error(std::string("GEOS ") + operation + " failed: " + ctx.last_error());
  }
  return GeomPtr(g, GeomDeleter{ctx.get()});
}

GeomPtr clone(const GeosContext& ctx, const GEOSGeometry* g) {
  return own(ctx, GEOSGeom_clone_r(ctx.get(), g), "clone");
}

GeomPtr make_collection(const GeosContext& ctx, int type, std::vector<GeomPtr> parts,
                        const char* operation) {
  std::vector<GEOSGeometry*> raw = hand_over(parts);
  return own(
      ctx,
      GEOSGeom_createCollection_r(ctx.get(), type, raw.data(), static_cast<unsigned>(raw.size())),
      operation);
}

GeomPtr make_polygon(const GeosContext& ctx, GeomPtr shell, std::vector<GeomPtr> holes,
                     const char* operation) {
  std::vector<GEOSGeometry*> raw = hand_over(holes);
  return own(ctx,
             GEOSGeom_createPolygon_r(ctx.get(), shell.release(), raw.data(),
                                      static_cast<unsigned>(raw.size())),
             operation);
}

PreparedPtr prepare(const GeosContext& ctx, const GEOSGeometry* g) {
  const GEOSPreparedGeometry* p = GEOSPrepare_r(ctx.get(), g);
  if (!p) throw std::runtime_error(std::string("GEOS prepare failed: ") + ctx.last_error());
  return PreparedPtr(p, PreparedDeleter{ctx.get()});
}

TreePtr make_tree(const GeosContext& ctx, std::size_t node_capacity) {
  GEOSSTRtree* t = GEOSSTRtree_create_r(ctx.get(), node_capacity);
  if (!t) throw std::runtime_error(std::string("GEOS STRtree failed: ") + ctx.last_error());
  return TreePtr(t, TreeDeleter{ctx.get()});
}

}  // namespace planner
