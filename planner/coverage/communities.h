// Which reporting unit each block belongs to: the one its own field names, or else the input
// boundary it overlaps most. One rule for communities (社区), grids (网格) and subdistricts
// (街道/镇), the units planners report on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "planner/inputs.h"

namespace planner {

/// Blocks assigned to units of one kind (communities, grids or subdistricts).
struct CommunityAssignment {
  /// One entry per reporting unit: the input boundaries first (in input order), then any unit
  /// named only by a block field (in order of first mention).
  std::vector<std::string> ids;
  std::vector<std::string> names;
  std::vector<bool> has_shape;  ///< true for input boundaries
  /// Per block: index into ids, or invalid_id when it belongs to none. (Named for the first
  /// use; for grids and subdistricts it holds the grid or subdistrict index.)
  std::vector<std::uint32_t> block_community;
};
using UnitAssignment = CommunityAssignment;

/// A block's own field (`unit_field`, e.g. &Block::grid) wins; a block without one goes to the
/// boundary it overlaps most by area (ties: the earlier boundary), none when it overlaps none.
UnitAssignment assign_units(const std::vector<Block>& blocks, std::string Block::*unit_field,
                            const std::vector<Boundary>& boundaries);

/// Units a block field names that match no input boundary id: e.g. blocks whose 社区 field holds
/// names while the boundaries' id field holds numbers. Each such name becomes a unit without a
/// shape and every boundary gets no block, which looks like a result; the run warns instead.
struct UnmatchedUnits {
  std::size_t blocks = 0;        ///< blocks naming such a unit
  std::vector<std::string> ids;  ///< the names matched by no boundary, in order of first mention
  std::size_t boundaries = 0;    ///< input boundaries (units with a shape)
  std::size_t empty_boundaries = 0;  ///< of them, those no block was assigned to
};

/// What of `assignment` matched no boundary. Without boundaries (every unit named by a field)
/// nothing is unmatched: the blocks' field is then the only source of units.
UnmatchedUnits unmatched_units(const UnitAssignment& assignment);

/// assign_units() by the blocks' community field.
CommunityAssignment assign_communities(const std::vector<Block>& blocks,
                                       const std::vector<Community>& communities);

}  // namespace planner
