#include "audit/rebuild/rebuild_audit.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>

#include "audit/compare/classify.hpp"
#include "audit/compare/recipe_stages.hpp"
#include "audit/compare/stage_compare.hpp"
#include "audit/snapshot/snapshot.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::rebuild {

namespace fs = std::filesystem;

namespace {

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// One file of one run's outputs, read back from its tar ("" when that run has none).
std::string file_bytes(const std::string& tar, const std::string& unit_id, const std::string& path) {
  return snapshot::read_member(tar, "recipe/units/" + unit_id + "/" + path).value_or("");
}

compare::ClassifyContext classify_context(const std::vector<runner::RunRecord>& records, int64_t from, int64_t to) {
  compare::ClassifyContext context;
  context.clock_from = from;
  context.clock_to = to;
  for (const auto& record : records) {
    for (const auto& [name, value] : record.variation) {
      if (name != "umask") {
        context.varied_values.push_back(value);
      }
    }
  }
  return context;
}

// The cause of a stage's divergence, from its first differing file.
compare::Cause explain(const compare::StageResult& result, const std::vector<runner::RunRecord>& records,
                       const compare::ClassifyContext& context, ProcessRunner& processes, const RebuildOptions& opts) {
  for (const auto& difference : result.differences) {
    if (difference.what != "content") {
      continue;
    }
    const std::string& unit = result.stage->unit_id;
    std::string first = file_bytes(records[0].tar, unit, difference.path);
    std::string other = file_bytes(records[static_cast<size_t>(result.differing_run)].tar, unit, difference.path);
    compare::Cause cause = compare::classify(first, other, context);
    cause.part = difference.path + (cause.part.empty() ? "" : ": " + cause.part);
    if (!opts.diffoscope_dir.empty()) {
      fs::path dir = fs::path(opts.diffoscope_dir) / result.stage->stage;
      fs::create_directories(dir);
      write_output((dir / "run-1").string(), first);
      write_output((dir / "run-other").string(), other);
      ProcessResult d = processes.run({"diffoscope", "--text", (dir / "diffoscope.txt").string(),
                                       (dir / "run-1").string(), (dir / "run-other").string()},
                                      {});
      cause.evidence +=
          d.exit_code < 0 ? " (diffoscope not found)" : " (diffoscope: " + (dir / "diffoscope.txt").string() + ")";
    }
    return cause;
  }
  for (const auto& difference : result.differences) {
    if (difference.what == "mtime") {
      return {compare::CauseKind::timestamp, "mtime only: " + difference.first + " vs " + difference.other,
              difference.path};
    }
    if (difference.what == "missing" || difference.what == "extra") {
      return {compare::CauseKind::unknown, "file " + difference.what + " in a later run", difference.path};
    }
  }
  return {compare::CauseKind::unknown, "", ""};
}

report::Case stage_case(const std::string& recipe, const compare::StageResult& result, const compare::Cause* cause,
                        bool strict_metadata) {
  report::Case c;
  c.suite = recipe;
  c.name = result.stage->stage;
  c.facts["unit"] = result.stage->label;
  c.facts["output"] = compare::to_string(result.status);
  c.facts["output_digest"] = result.output_digests.empty() ? "" : result.output_digests.front();
  c.facts["same_inputs"] = result.same_inputs ? "yes" : "no";
  bool fails = result.status == compare::OutputStatus::content_differs ||
               result.status == compare::OutputStatus::missing ||
               (strict_metadata && result.status == compare::OutputStatus::metadata_only);
  c.verdict = fails ? report::Verdict::fail : report::Verdict::pass;
  if (result.status == compare::OutputStatus::missing) {
    c.verdict = report::Verdict::error;
  }
  c.summary = std::string(compare::to_string(result.status));
  if (fails) {
    c.facts["role"] = compare::to_string(result.role);
    c.summary += std::string(", ") + compare::to_string(result.role);
  }
  if (cause != nullptr) {
    c.facts["cause"] = compare::to_string(cause->kind);
    c.facts["evidence"] = cause->evidence;
    c.facts["where"] = cause->part;
    c.summary += std::string(": ") + compare::to_string(cause->kind);
  }
  size_t shown = 0;
  for (const auto& d : result.differences) {
    if (shown++ == 8) {
      c.detail += "    ... " + std::to_string(result.differences.size() - 8) + " more\n";
      break;
    }
    c.detail += "    " + d.what + " " + d.path + ": " + d.first + " -> " + d.other + "\n";
  }
  return c;
}

}  // namespace

void audit_rebuild(const RebuildOptions& opts, ProcessRunner& processes, report::Report& report) {
  const std::string recipe = opts.runs.recipe;
  std::vector<compare::UnitStage> stages = compare::read_unit_stages(read_file(recipe), recipe);
  TempDir scratch("cargo-recipe-audit");
  runner::AuditRunOptions run_opts = opts.runs;
  run_opts.scratch = scratch.path().string();
  run_opts.stages_per_run = stages.size();

  // Run: build the outputs of every unit, several times, from scratch.
  int64_t clock_from = unix_now();
  std::vector<runner::RunRecord> records = runner::run_audit_builds(run_opts, processes);
  int64_t clock_to = unix_now();
  for (const auto& r : records) {
    report.runs.push_back({r.index, r.engine, r.base_image_id, r.command, r.variation, r.seconds, r.exit_code});
  }
  std::vector<runner::RunRecord> built;
  for (const auto& r : records) {
    if (r.exit_code == 0) {
      built.push_back(r);
    } else {
      report.complete = false;
      report.incomplete_reason = recipe + ": " + r.failure;
    }
  }
  if (built.size() < 2) {
    if (report.complete) {
      report.complete = false;
      report.incomplete_reason = recipe + ": fewer than two runs built; nothing to compare";
    }
    return;
  }

  // Snapshot: every file of every unit, hashed, straight from the tars.
  std::vector<compare::RunOutputs> outputs;
  for (const auto& r : built) {
    std::cerr << "cargo-recipe: hashing the outputs of run " << r.index << "\n";
    try {
      outputs.push_back(snapshot::group_by_unit(snapshot::read_tar(r.tar, opts.jobs)));
    } catch (const InputError& e) {
      // The engine wrote this tar: one that does not read is the engine's failure, not bad input.
      throw EngineError("the outputs exported by run " + std::to_string(r.index) + " do not read: " + e.what());
    }
  }

  // Compare and explain: first divergent stages get a cause.
  compare::ClassifyContext context = classify_context(built, clock_from, clock_to);
  for (const auto& result : compare::compare_runs(stages, outputs)) {
    std::optional<compare::Cause> cause;
    if (result.role == compare::Role::first_divergent || result.status == compare::OutputStatus::metadata_only) {
      cause = explain(result, built, context, processes, opts);
    }
    report.cases.push_back(stage_case(recipe, result, cause ? &*cause : nullptr, opts.strict_metadata));
  }
}

}  // namespace recipe::rebuild
