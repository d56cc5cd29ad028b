#include "io/crs/crs.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>

#include <proj.h>

namespace io {

// A named namespace, not an anonymous one: CrsTransform::Impl holds these, and a class with
// external linkage should not hold types with internal linkage (GCC's -Wsubobject-linkage says so
// when the unity build compiles this file inside another).
namespace crs_handles {

struct PjDeleter {
  void operator()(PJ* pj) const { proj_destroy(pj); }
};

/// Every PJ is owned by one of these and must die before the ProjContext it was made in.
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

/// A PJ_CONTEXT of our own: PROJ's default context is shared by all threads and not safe to use
/// from several. PROJ explains failures only through its log, so the context keeps the last
/// message for our exceptions instead of letting PROJ print to stderr. Not movable, because PROJ
/// holds its address for the log callback.
class ProjContext {
 public:
  ProjContext() : m_ctx(proj_context_create()) {
    if (!m_ctx) throw CrsError("PROJ: cannot create a context", std::nullopt);
    proj_log_func(m_ctx.get(), this, &ProjContext::log);
  }
  ProjContext(const ProjContext&) = delete;
  ProjContext& operator=(const ProjContext&) = delete;

  PJ_CONTEXT* get() const { return m_ctx.get(); }

  /// Why the last call failed, as PROJ said it; "" when PROJ said nothing.
  std::string reason() const {
    if (!m_last_message.empty()) return m_last_message;
    const int err = proj_context_errno(m_ctx.get());
    return err == 0 ? std::string() : proj_context_errno_string(m_ctx.get(), err);
  }
  void clear_reason() { m_last_message.clear(); }

 private:
  static void log(void* self, int /*level*/, const char* message) {
    if (message != nullptr) static_cast<ProjContext*>(self)->m_last_message = message;
  }

  struct Deleter {
    void operator()(PJ_CONTEXT* ctx) const { proj_context_destroy(ctx); }
  };
  std::unique_ptr<PJ_CONTEXT, Deleter> m_ctx;
  std::string m_last_message;
};

}  // namespace crs_handles

using crs_handles::PjPtr;
using crs_handles::ProjContext;

namespace {

std::string with_reason(std::string what, const std::string& reason) {
  return reason.empty() ? what : what + " (PROJ: " + reason + ")";
}

bool same_name(const char* a, const std::string& b) {
  return a != nullptr && std::equal(b.begin(), b.end(), a, a + std::strlen(a), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

/// The CRS named by text, or null. A bare proj string ("+proj=utm +zone=51 +datum=WGS84") is an
/// operation to PROJ, not a CRS, unless it says +type=crs; users write it without, so we add it.
PjPtr create_crs(ProjContext& ctx, const std::string& text) {
  ctx.clear_reason();
  PjPtr crs{proj_create(ctx.get(), text.c_str())};
  if (crs && !proj_is_crs(crs.get()) && text.find("+proj=") != std::string::npos &&
      text.find("+type=crs") == std::string::npos) {
    crs.reset(proj_create(ctx.get(), (text + " +type=crs").c_str()));
  }
  if (crs && !proj_is_crs(crs.get())) crs.reset();
  // PROJ also resolves bare names, approximately: "foo" finds "Amersfoort". A typo must not pick
  // some CRS, so a plain name is taken only when it is the CRS's own name.
  const bool plain_name = text.find_first_of(":[{+") == std::string::npos;
  if (crs && plain_name && !same_name(proj_get_name(crs.get()), text)) crs.reset();
  return crs;
}

PjPtr require_crs(ProjContext& ctx, const std::string& text) {
  PjPtr crs = create_crs(ctx, text);
  if (!crs) throw CrsError(with_reason("unknown CRS '" + text + "'", ctx.reason()), std::nullopt);
  return crs;
}

/// The horizontal part of a CRS: a compound CRS's first member, a bound CRS's source.
PjPtr horizontal_crs(ProjContext& ctx, PjPtr crs) {
  if (!crs) return crs;
  switch (proj_get_type(crs.get())) {
    case PJ_TYPE_COMPOUND_CRS:
      return horizontal_crs(ctx, PjPtr{proj_crs_get_sub_crs(ctx.get(), crs.get(), 0)});
    case PJ_TYPE_BOUND_CRS:
      return horizontal_crs(ctx, PjPtr{proj_get_source_crs(ctx.get(), crs.get())});
    default:
      return crs;
  }
}

bool is_metric_projected(ProjContext& ctx, const PJ* crs) {
  if (crs == nullptr || proj_get_type(crs) != PJ_TYPE_PROJECTED_CRS) return false;
  const PjPtr cs{proj_crs_get_coordinate_system(ctx.get(), crs)};
  if (!cs || proj_cs_get_type(ctx.get(), cs.get()) != PJ_CS_TYPE_CARTESIAN ||
      proj_cs_get_axis_count(ctx.get(), cs.get()) < 2) {
    return false;
  }
  for (int axis = 0; axis < 2; ++axis) {
    double to_metres = 0.0;
    if (!proj_cs_get_axis_info(ctx.get(), cs.get(), axis, nullptr, nullptr, nullptr, &to_metres,
                               nullptr, nullptr, nullptr) ||
        to_metres != 1.0) {
      return false;
    }
  }
  return true;
}

std::string format_point(planner::XY p) {
  char text[64];
  std::snprintf(text, sizeof text, "(%.9g, %.9g)", p.x, p.y);
  return text;
}

}  // namespace

struct CrsTransform::Impl {
  ProjContext ctx;  // declared first: destroyed after the PJ made in it
  PjPtr pj;
  std::string source;
  std::string target;

  std::string describe() const { return "from '" + source + "' to '" + target + "'"; }

  /// Transforms in place; the index of the first point PROJ could not transform, if any.
  std::optional<std::size_t> transform(std::span<planner::XY> points) {
    static_assert(sizeof(planner::XY) == 2 * sizeof(double), "XY must be two packed doubles");
    if (points.empty()) return std::nullopt;
    ctx.clear_reason();
    proj_errno_reset(pj.get());
    const std::size_t n = points.size();
    // One call for the whole buffer: PROJ's per-call overhead dominates per-point transforms.
    proj_trans_generic(pj.get(), PJ_FWD, &points[0].x, sizeof(planner::XY), n, &points[0].y,
                       sizeof(planner::XY), n, nullptr, 0, 0, nullptr, 0, 0);
    // PROJ marks failed points with HUGE_VAL; a NaN input comes back NaN.
    const auto bad = std::find_if(points.begin(), points.end(), [](const planner::XY& p) {
      return !std::isfinite(p.x) || !std::isfinite(p.y);
    });
    if (bad == points.end()) return std::nullopt;
    return static_cast<std::size_t>(bad - points.begin());
  }

  /// "cannot transform <what> from 'A' to 'B' (PROJ: <why>)" after transform() failed.
  std::string failure(const std::string& what) const {
    std::string reason = ctx.reason();
    const int err = proj_errno(pj.get());
    if (reason.empty() && err != 0) reason = proj_context_errno_string(ctx.get(), err);
    return with_reason("cannot transform " + what + " " + describe(), reason);
  }
};

CrsTransform::CrsTransform(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
CrsTransform::CrsTransform(CrsTransform&&) noexcept = default;
CrsTransform& CrsTransform::operator=(CrsTransform&&) noexcept = default;
CrsTransform::~CrsTransform() = default;

CrsTransform CrsTransform::create(const std::string& source, const std::string& target) {
  auto impl = std::make_unique<Impl>();
  impl->source = source;
  impl->target = target;
  ProjContext& ctx = impl->ctx;
  const auto fail = [&](const std::string& what) {
    return CrsError(with_reason("cannot transform " + impl->describe() + ": " + what, ctx.reason()),
                    std::nullopt);
  };
  PjPtr source_crs = create_crs(ctx, source);
  if (!source_crs) throw fail("unknown source CRS");
  PjPtr target_crs = create_crs(ctx, target);
  if (!target_crs) throw fail("unknown target CRS");

  ctx.clear_reason();
  const PjPtr raw{proj_create_crs_to_crs_from_pj(ctx.get(), source_crs.get(), target_crs.get(),
                                                 nullptr, nullptr)};
  if (!raw) throw fail("PROJ found no transformation");
  // The EPSG axis order (lat/lon for EPSG:4326, northing first for EPSG:4549) is what PROJ
  // applies by default; our XY is always x = easting/longitude, so normalise both ends once.
  impl->pj.reset(proj_normalize_for_visualization(ctx.get(), raw.get()));
  if (!impl->pj) throw fail("cannot normalise the axis order");
  return CrsTransform(std::move(impl));
}

void CrsTransform::apply(std::span<planner::XY> points) const {
  if (const auto index = m_impl->transform(points)) {
    throw CrsError(m_impl->failure("point " + std::to_string(*index) + " (of " +
                                   std::to_string(points.size()) + ")"),
                   index);
  }
}

planner::XY CrsTransform::apply(planner::XY point) const {
  planner::XY result = point;
  if (m_impl->transform(std::span<planner::XY>(&result, 1))) {
    throw CrsError(m_impl->failure(format_point(point)), 0);
  }
  return result;
}

bool is_metric_projected(const std::string& crs) {
  ProjContext ctx;
  PjPtr object = create_crs(ctx, crs);
  if (!object) return false;
  const PjPtr horizontal = horizontal_crs(ctx, std::move(object));
  return is_metric_projected(ctx, horizontal.get());
}

double scale_error_at(const std::string& crs, planner::XY lonlat) {
  ProjContext ctx;
  const PjPtr horizontal = horizontal_crs(ctx, require_crs(ctx, crs));
  if (!horizontal || proj_get_type(horizontal.get()) != PJ_TYPE_PROJECTED_CRS) {
    throw CrsError("CRS '" + crs + "' is not projected", std::nullopt);
  }
  // proj_factors wants lon/lat in radians; a lat-first base CRS would swap them, so normalise.
  const PjPtr normalised{proj_normalize_for_visualization(ctx.get(), horizontal.get())};
  if (!normalised) throw CrsError(with_reason("CRS '" + crs + "'", ctx.reason()), std::nullopt);
  const PJ_COORD at = proj_coord(proj_torad(lonlat.x), proj_torad(lonlat.y), 0, 0);
  proj_errno_reset(normalised.get());
  const PJ_FACTORS f = proj_factors(normalised.get(), at);
  if (proj_errno(normalised.get()) != 0) {
    throw CrsError(
        with_reason("cannot compute the scale of '" + crs + "' at " + format_point(lonlat),
                    ctx.reason()),
        std::nullopt);
  }
  return std::max(std::abs(f.meridional_scale - 1.0), std::abs(f.parallel_scale - 1.0));
}

std::string utm_crs_for(double lon, double lat) {
  if (!(lon >= -180.0 && lon <= 180.0 && lat >= -90.0 && lat <= 90.0)) {
    throw std::invalid_argument("no UTM zone for lon/lat " + format_point({lon, lat}) +
                                ": outside [-180, 180] x [-90, 90] (are x and y swapped?); check "
                                "the layers' CRS (or --assume-crs), or give --crs");
  }
  // Zone 1 starts at 180W; lon = 180 belongs to zone 60, not a zone 61.
  const int zone = std::min(60, static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1);
  return "EPSG:" + std::to_string((lat >= 0.0 ? 32600 : 32700) + zone);
}

std::string crs_to_wkt(const std::string& crs) {
  ProjContext ctx;
  const PjPtr object = require_crs(ctx, crs);
  const char* const options[] = {"MULTILINE=NO", nullptr};
  const char* wkt = proj_as_wkt(ctx.get(), object.get(), PJ_WKT2_2019, options);
  if (wkt == nullptr) {
    throw CrsError(with_reason("cannot write CRS '" + crs + "' as WKT", ctx.reason()),
                   std::nullopt);
  }
  return wkt;  // owned by object: copy before it goes
}

}  // namespace io
