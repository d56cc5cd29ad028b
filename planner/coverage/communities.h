// Which community (社区) each block belongs to: the one its community field names, or else the
// one it overlaps most. Communities are the unit planners report on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "planner/inputs.h"

namespace planner {

struct CommunityAssignment {
  /// One entry per reporting community: the input communities first (in input order), then
  /// any community named only by a block field (in order of first mention).
  std::vector<std::string> ids;
  std::vector<std::string> names;
  std::vector<bool> has_shape;  ///< true for input communities
  /// Per block: index into ids, or invalid_id when it belongs to none.
  std::vector<std::uint32_t> block_community;
};

/// A block's own community field wins; a block without one goes to the input community it
/// overlaps most by area (ties: the earlier community), none when it overlaps none.
CommunityAssignment assign_communities(const std::vector<Block>& blocks,
                                       const std::vector<Community>& communities);

}  // namespace planner
