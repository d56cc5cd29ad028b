#include "planner/scenario/variant_summary.h"

namespace planner {

VariantRow variant_row(const std::string& scenario, const VariantRun& r, const std::string& edits,
                       std::uint32_t network_edges, const Comparison* against_base) {
  VariantRow row;
  row.scenario = scenario;
  row.variant = r.name;
  row.speed_kmh = r.params.speed_kmh;
  row.minutes = r.params.minutes;
  row.cover_minutes = r.params.cover_threshold_minutes();
  row.max_snap_m = r.params.max_snap_m;
  row.edits = edits;
  row.centers = static_cast<std::uint32_t>(r.inputs.centers.size());
  row.network_edges = network_edges;
  const Evaluation& ev = r.run.ev;
  const Totals& t = ev.totals;
  row.blocks = t.blocks;
  row.covered = t.covered;
  row.uncovered = t.uncovered;
  row.unreachable = t.unreachable;
  row.has_population = ev.has_population;
  row.pop = t.pop;
  row.covered_pop = t.covered_pop;
  row.covered_share = covered_share(t, ev.has_population);
  for (const TierTotals& tier : ev.tiers) {
    row.tiers.push_back({tier.tier, tier.centers, tier.totals.blocks, tier.totals.covered,
                         tier.totals.covered_pop, covered_share(tier.totals, ev.has_population)});
  }
  if (ev.standard) {
    for (const ComplianceRow& c : ev.standard->compliance) {
      if (c.scope != "all") continue;
      row.standard.push_back({c.std_tier, c.met_blk, met_share(c, ev.has_population)});
    }
  }
  if (against_base) {
    row.newly_covered = against_base->counts.newly_covered;
    row.newly_uncovered = against_base->counts.newly_uncovered;
    row.minutes_changed = against_base->counts.minutes_lower + against_base->counts.minutes_higher;
  }
  return row;
}

}  // namespace planner
