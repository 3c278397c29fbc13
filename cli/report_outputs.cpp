#include "cli/report_outputs.hpp"

#include <iostream>

#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::cli {

void ReportOutputs::add_to(CLI::App& command) {
  command.add_option("--report-json", report_json, "Write the report as JSON (schemas/audit-report.schema.json)");
  command.add_option("--junit", junit, "Write the report as JUnit XML (one test case per recipe and check or stage)");
  command.add_option("--markdown", markdown, "Write the report as Markdown (for $GITHUB_STEP_SUMMARY)");
}

void ReportOutputs::finish(const report::Report& report, int exit_code) const {
  std::cout << report::render_text(report, report::use_colour());
  if (!report_json.empty()) {
    write_output(report_json, report::render_json(report));
  }
  if (!junit.empty()) {
    write_output(junit, report::render_junit(report));
  }
  if (!markdown.empty()) {
    write_output(markdown, report::render_markdown(report));
  }
  int code = exit_code < 0 ? report.exit_code() : exit_code;
  if (code != 0) {
    throw ExitWithCode(code);
  }
}

}  // namespace recipe::cli
