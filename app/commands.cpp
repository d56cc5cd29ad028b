#include "app/commands.h"

#include "app/batch_command.h"
#include "app/compare_command.h"
#include "app/evaluate_command.h"
#include "app/osm_command.h"
#include "app/run_command.h"
#include "app/site_command.h"

namespace app {

std::vector<Command> register_commands(CLI::App& root) {
  return {register_osm(root),     register_evaluate(root), register_site(root),
          register_compare(root), register_run(root),      register_batch(root)};
}

}  // namespace app
