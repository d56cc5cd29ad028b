#include "planner/coverage/evaluation.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "planner/parallel.h"

namespace planner {
namespace {

std::vector<SnappedSource> snap_centers(const Network& network, const SnapIndex& snapper,
                                        const std::vector<Center>& centers, double max_snap_m,
                                        std::vector<CenterOutcome>& outcomes) {
  std::vector<SnappedSource> sources;
  outcomes.assign(centers.size(), CenterOutcome{});
  for (std::uint32_t c = 0; c < centers.size(); ++c) {
    outcomes[c].snap = snapper.snap(centers[c].pos, max_snap_m);
    if (!outcomes[c].snap) continue;
    const NodeId tail = network.edges.edge_tail[outcomes[c].snap->edge];
    outcomes[c].component_size = network.graph->component_size()[network.graph->component()[tail]];
    sources.push_back({*outcomes[c].snap, c});
  }
  return sources;
}

void add_block(Totals& t, const BlockCoverage& cov, const BlockSite& site,
               const std::optional<double>& pop) {
  const double p = pop.value_or(0.0);
  ++t.blocks;
  if (!pop) ++t.without_pop;
  t.pop += p;
  t.area_m2 += site.area_m2;
  t.area_weighted_pop += p * cov.cov_share;
  t.covered_area_m2 += site.area_m2 * cov.cov_share;
  switch (cov.status) {
    case CoverStatus::covered:
      ++t.covered;
      t.covered_pop += p;
      break;
    case CoverStatus::uncovered:
      ++t.uncovered;
      t.uncovered_pop += p;
      break;
    case CoverStatus::unreachable:
      ++t.unreachable;
      t.uncovered_pop += p;
      break;
  }
}

Totals total(const std::vector<BlockCoverage>& coverage, const std::vector<BlockSite>& sites,
             const std::vector<Block>& blocks) {
  Totals t;
  for (std::size_t b = 0; b < blocks.size(); ++b)
    add_block(t, coverage[b], sites[b], blocks[b].pop);
  return t;
}

/// By tier: the same rule with only that tier's centers open, tiers sorted by name.
std::vector<TierTotals> tier_totals(const Network& network, const WalkTimes& walk,
                                    const Inputs& inputs, const Evaluation& ev,
                                    BoundedSearch& search, double limit_s,
                                    const CancelToken& cancel) {
  std::map<std::string, std::vector<SnappedSource>> by_tier;
  for (const SnappedSource& s : ev.sources) {
    const std::string& tier = inputs.centers[s.label].tier;
    if (!tier.empty()) by_tier[tier].push_back(s);
  }
  for (const Center& c : inputs.centers) {
    if (!c.tier.empty()) by_tier.try_emplace(c.tier);
  }
  std::vector<TierTotals> out;
  for (const auto& [tier, tier_sources] : by_tier) {
    cancel.check();
    TierTotals tt;
    tt.tier = tier;
    for (const Center& c : inputs.centers) tt.centers += c.tier == tier ? 1 : 0;
    add_sources(search.reset(), network.edges, tier_sources, walk);
    search.run(walk.arc_s(), limit_s);
    const SourcesByEdge tier_edge(tier_sources, network.edges.edge_count());
    tt.totals = total(evaluate_coverage(search, *network.graph, network.edges, tier_edge, ev.sites,
                                        components_with(network, tier_sources), walk, ev.cover_s),
                      ev.sites, inputs.blocks);
    out.push_back(std::move(tt));
  }
  return out;
}

bool any_block_names(const std::vector<Block>& blocks, std::string Block::*field) {
  return std::any_of(blocks.begin(), blocks.end(),
                     [field](const Block& b) { return !(b.*field).empty(); });
}

/// Blocks to communities (with their totals), grids and subdistricts; grids and subdistricts
/// only when the inputs have them or blocks name them, so a run without stays as it was.
void assign_reporting_units(const Inputs& inputs, Evaluation& ev) {
  ev.communities = assign_communities(inputs.blocks, inputs.communities);
  ev.community_totals.assign(ev.communities.ids.size(), Totals{});
  for (std::size_t b = 0; b < inputs.blocks.size(); ++b) {
    const std::uint32_t c = ev.communities.block_community[b];
    if (c != invalid_id)
      add_block(ev.community_totals[c], ev.blocks[b], ev.sites[b], inputs.blocks[b].pop);
  }
  if (!inputs.grids.empty() || any_block_names(inputs.blocks, &Block::grid)) {
    ev.grids = assign_units(inputs.blocks, &Block::grid, inputs.grids);
  }
  if (!inputs.subdistricts.empty() || any_block_names(inputs.blocks, &Block::subdistrict)) {
    ev.subdistricts = assign_units(inputs.blocks, &Block::subdistrict, inputs.subdistricts);
  }
}

}  // namespace

double covered_share(const Totals& t, bool has_population) {
  if (has_population) return t.pop > 0.0 ? t.covered_pop / t.pop : 0.0;
  return t.blocks > 0 ? static_cast<double>(t.covered) / t.blocks : 0.0;
}

double EvaluationParams::effective_search_limit_minutes() const {
  const double limit = std::max(search_limit_minutes, cover_threshold_minutes());
  // A standard's walk tiers raise it as the cover threshold does (0 when it has none).
  return standard ? std::max(limit, walk_reach_minutes(*standard)) : limit;
}

double EvaluationParams::cover_threshold_minutes() const {
  if (cover_minutes) return *cover_minutes;
  return minutes.empty() ? default_minutes : *std::max_element(minutes.begin(), minutes.end());
}

void validate(const EvaluationParams& p) {
  check_range(speed_kmh_range, p.speed_kmh);
  if (p.minutes.empty()) throw InvalidValue("--minutes needs at least one threshold");
  for (double m : p.minutes) check_range(minutes_range, m);
  check_range(cover_minutes_range, p.cover_threshold_minutes());
  check_range(max_snap_range, p.max_snap_m);
  check_range(sample_spacing_range, p.sample_spacing_m);
  check_range(search_limit_range, p.search_limit_minutes);
  if (p.standard) validate(*p.standard);
  if (p.access) validate(*p.access, resolved_t0_minutes(*p.access, p.cover_threshold_minutes()));
}

Evaluation evaluate(const Network& network, const Inputs& inputs, const EvaluationParams& params) {
  validate(params);
  return evaluate(network, WalkTimes(network, params.speed_mps()), inputs, params);
}

namespace {

BlockSiteOptions site_options(const EvaluationParams& params) {
  return {params.max_snap_m, params.sample_spacing_m, params.threads, params.cancel,
          params.islands};
}

}  // namespace

std::vector<BlockSite> block_sites_for(const Network& network, const Inputs& inputs,
                                       const EvaluationParams& params) {
  return build_block_sites(network, inputs.blocks, inputs.entrances,
                           link_entrances(inputs.blocks, inputs.entrances), site_options(params));
}

bool same_block_sites(const EvaluationParams& a, const EvaluationParams& b) {
  return a.max_snap_m == b.max_snap_m && a.sample_spacing_m == b.sample_spacing_m &&
         a.islands.share == b.islands.share && a.islands.min_vertices == b.islands.min_vertices;
}

Evaluation evaluate(const Network& network, const WalkTimes& walk, const Inputs& inputs,
                    const EvaluationParams& params, const std::vector<BlockSite>* sites) {
  Evaluation ev;
  ev.cover_s = params.cover_threshold_minutes() * 60.0;
  const double limit_s = params.effective_search_limit_minutes() * 60.0;
  ev.has_population = std::any_of(inputs.blocks.begin(), inputs.blocks.end(),
                                  [](const Block& b) { return b.pop.has_value(); });

  const std::vector<std::uint32_t> entrance_block = link_entrances(inputs.blocks, inputs.entrances);
  ev.unlinked_entrances = static_cast<std::uint32_t>(
      std::count(entrance_block.begin(), entrance_block.end(), invalid_id));
  {
    // One index of every segment for the centers and the blocks, not one each; it is freed
    // before the searches.
    const SnapIndex snapper(network.edges, small_island_edges(network, params.islands));
    ev.sources = snap_centers(network, snapper, inputs.centers, params.max_snap_m, ev.centers);
    ev.sites = sites != nullptr ? *sites
                                : build_block_sites(snapper, inputs.blocks, inputs.entrances,
                                                    entrance_block, site_options(params));
  }
  const std::vector<SnappedSource>& sources = ev.sources;
  ev.unsnapped_centers = static_cast<std::uint32_t>(inputs.centers.size() - sources.size());
  for (const BlockSite& s : ev.sites) ev.repaired_blocks += s.repaired ? 1 : 0;

  params.cancel.check();
  BoundedSearch search(*network.graph);
  const SourcesByEdge same_edge(sources, network.edges.edge_count());
  add_sources(search.reset(), network.edges, sources, walk);
  search.run(walk.arc_s(), limit_s);
  ev.blocks = evaluate_coverage(search, *network.graph, network.edges, same_edge, ev.sites,
                                components_with(network, sources), walk, ev.cover_s);

  ev.vertex_time_s.resize(network.edges.vertex_count());
  ev.vertex_center.resize(network.edges.vertex_count());
  for (NodeId v = 0; v < ev.vertex_time_s.size(); ++v) {
    ev.vertex_time_s[v] = search.time_s(v);
    ev.vertex_center[v] = search.label(v);
  }
  for (std::size_t b = 0; b < ev.blocks.size(); ++b) {
    const BlockCoverage& cov = ev.blocks[b];
    if (cov.status != CoverStatus::covered) continue;
    ++ev.centers[cov.center].served_blk;
    ev.centers[cov.center].served_pop += inputs.blocks[b].pop.value_or(0.0);
  }
  ev.totals = total(ev.blocks, ev.sites, inputs.blocks);

  ev.tiers = tier_totals(network, walk, inputs, ev, search, limit_s, params.cancel);
  assign_reporting_units(inputs, ev);
  if (params.standard) {
    ev.standard = measure_standard(network, walk, inputs, ev, *params.standard, params);
  }
  if (!ev.grids.ids.empty()) {
    ev.grid_outcomes =
        grid_outcomes(inputs, ev.grids, ev.standard ? &*ev.standard : nullptr, ev.has_population);
  }
  if (params.access) {
    ev.access =
        measure_access(network, walk, inputs, ev, *params.access, params.threads, params.cancel);
  }
  return ev;
}

}  // namespace planner
