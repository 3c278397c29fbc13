#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "audit/report/report.hpp"

namespace recipe::cli {

// Where an audit's report goes besides the terminal: --report-json, --junit, --markdown.
struct ReportOutputs {
  std::string report_json;
  std::string junit;
  std::string markdown;

  void add_to(CLI::App& command);

  // Print the text report, write the files asked for (each atomically), and end with
  // `exit_code` (the report's own when -1) by throwing ExitWithCode when it is not 0.
  void finish(const report::Report& report, int exit_code = -1) const;
};

}  // namespace recipe::cli
