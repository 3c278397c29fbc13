#include "cli/audit_command.hpp"

#include "cli/audit_subcommands.hpp"

namespace recipe::cli {

void add_audit_command(CLI::App& app) {
  CLI::App* audit = app.add_subcommand("audit", "Reproducibility audits of recipes");
  audit->require_subcommand(1);
  add_audit_generate_command(*audit);
  add_audit_build_command(*audit);
  add_audit_report_commands(*audit);
  add_audit_snapshot_command(*audit);
}

}  // namespace recipe::cli
