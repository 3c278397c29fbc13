#include "cli/audit_subcommands.hpp"

#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "cli/report_outputs.hpp"
#include "audit/report/report.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::cli {

namespace {

report::Report read_report(const std::string& file) {
  return report::read_report_json(read_file(file), file);
}

// Reports of the same recipes made on different machines or days: do the stages agree?
void run_audit_compare(const std::vector<std::string>& files, const ReportOutputs& outputs) {
  if (files.size() < 2) {
    throw InputError("audit compare needs two or more reports");
  }
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::string>>> digests;
  for (const auto& file : files) {
    report::Report one = read_report(file);
    if (one.kind != "build") {
      throw InputError(file + ": a \"" + one.kind + "\" report; audit compare reads build audit reports");
    }
    for (const auto& c : one.cases) {
      auto digest = c.facts.find("output_digest");
      digests[{c.suite, c.name}].emplace_back(file, digest == c.facts.end() ? "" : digest->second);
    }
  }
  report::Report report;
  report.kind = "compare";
  for (const auto& [key, seen] : digests) {
    report::Case c{key.first, key.second, report::Verdict::pass, "the same outputs in every report", "", {}};
    if (seen.size() != files.size()) {
      c.verdict = report::Verdict::error;
      c.summary = "in " + std::to_string(seen.size()) + " of " + std::to_string(files.size()) + " reports";
    }
    for (const auto& [file, digest] : seen) {
      c.facts[file] = digest;
      if (digest != seen.front().second && c.verdict == report::Verdict::pass) {
        c.verdict = report::Verdict::fail;
        c.summary = "outputs differ between reports";
      }
    }
    report.cases.push_back(std::move(c));
  }
  outputs.finish(report);
}

struct SummaryOptions {
  std::vector<std::string> reports;
  std::string baseline;
  ReportOutputs outputs;
};

// One night's reports as one, against the previous night's: exit 1 only for what got worse.
void run_audit_summary(const SummaryOptions& opts) {
  std::vector<report::Report> reports;
  for (const auto& file : opts.reports) {
    reports.push_back(read_report(file));
  }
  std::optional<report::Report> baseline;
  if (!opts.baseline.empty()) {
    baseline = read_report(opts.baseline);
  }
  report::Report summary = report::summarize(reports, baseline ? &*baseline : nullptr);
  size_t regressed = report::regressions(summary);
  std::cerr << "cargo-recipe: " << regressed << " regression(s)"
            << (baseline ? " against " + opts.baseline : std::string(" (no baseline: every failure counts)")) << "\n";
  opts.outputs.finish(summary, !summary.complete ? 3 : regressed > 0 ? 1 : 0);
}

}  // namespace

void add_audit_report_commands(CLI::App& audit) {
  auto compare_files = std::make_shared<std::vector<std::string>>();
  auto compare_outputs = std::make_shared<ReportOutputs>();
  CLI::App* compare = audit.add_subcommand("compare", "Compare build audit reports made on different machines or days");
  compare->add_option("reports", *compare_files, "JSON reports of audit build")->required();
  compare_outputs->add_to(*compare);
  compare->callback([compare_files, compare_outputs] { run_audit_compare(*compare_files, *compare_outputs); });

  auto summary = std::make_shared<SummaryOptions>();
  CLI::App* command = audit.add_subcommand(
      "summary",
      "Merge a night's audit reports into one and mark each case against a baseline; exit 0 nothing "
      "regressed, 1 something did, 2 bad input, 3 a report is incomplete");
  command->add_option("reports", summary->reports, "JSON reports of audit generate and audit build")->required();
  command->add_option("--baseline", summary->baseline, "The previous summary (JSON): only what got worse fails");
  summary->outputs.add_to(*command);
  command->callback([summary] { run_audit_summary(*summary); });
}

}  // namespace recipe::cli
