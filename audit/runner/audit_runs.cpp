#include "audit/runner/audit_runs.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>

#include <spdlog/spdlog.h>

#include "audit/runner/build_context.hpp"
#include "audit/runner/helper_context.hpp"
#include "audit/runner/build_progress.hpp"
#include "audit/runner/build_log.hpp"
#include "audit/runner/engine_failure.hpp"
#include "audit/runner/engine.hpp"
#include "generator/emit/recipe_inputs.hpp"
#include "generator/emit/stage_names.hpp"
#include "generator/support/atomic_file.hpp"
#include "generator/support/error.hpp"
#include "generator/support/line_reader.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::runner {

namespace fs = std::filesystem;

namespace {

// The base image a recipe starts from: the first FROM IMAGE AS base line.
std::string base_image(std::string_view recipe) {
  const std::string suffix = std::string(" AS ") + emit::k_base_stage;
  LineReader lines(recipe);
  std::string_view line;
  while (lines.next(line)) {
    if (line.starts_with("FROM ") && line.ends_with(suffix)) {
      return std::string(line.substr(5, line.size() - 5 - suffix.size()));
    }
  }
  return "";
}

std::string join_command(const std::string& engine, const BuildRequest& request) {
  std::string out = engine + " build -f " + request.dockerfile + " --target " + request.target;
  for (const auto& [key, value] : request.build_args) {
    out += " --build-arg " + key + "=" + value;
  }
  return out + " -o type=tar,dest=" + request.output_tar.value_or("") + " " + request.context;
}

}  // namespace

std::vector<RunRecord> run_audit_builds(const AuditRunOptions& opts, ProcessRunner& processes) {
  const std::string recipe = read_file(opts.recipe);
  const std::vector<std::string> sources = context_sources(recipe, opts.recipe);
  const std::string image = base_image(recipe);
  // Salts need only differ from run to run and from earlier audits. Random, not the clock: a
  // salt leaking into an output must not read as a timestamp.
  BuildProgress progress(opts.runs, opts.stages_per_run, stderr);
  std::random_device entropy;
  char audit_tag[17];
  std::snprintf(audit_tag, sizeof audit_tag, "%08x%08x", entropy(), entropy());
  std::vector<RunRecord> records;
  for (int i = 0; i < opts.runs; ++i) {
    RunRecord record;
    record.index = i + 1;
    const std::string& runner = opts.runners[static_cast<size_t>(i) % opts.runners.size()];
    std::string builder = opts.builders.empty() ? "" : opts.builders[static_cast<size_t>(i) % opts.builders.size()];
    std::unique_ptr<Engine> engine = find_engine(runner, processes, builder);
    record.engine = engine->version() + (builder.empty() ? "" : " at " + builder);
    record.base_image_id = engine->image_id(image);

    // The context under a new path each run, staged with a varying umask.
    TempDir context("cargo-recipe-audit-context-" + std::to_string(record.index));
    if (opts.vary.contains("context-path")) {
      record.variation["context-path"] = context.path().string();
    }
    mode_t old_mask = ::umask(opts.vary.contains("umask") && i % 2 == 1 ? 077 : 022);
    record.variation["umask"] = i % 2 == 1 && opts.vary.contains("umask") ? "077" : "022";
    std::optional<fs::path> vendor;
    if (opts.vendor) {
      vendor = fs::path(*opts.vendor);
    }
    stage_context(sources, opts.context, vendor, context.path());
    stage_helper(recipe, opts.recipe, context.path());
    ::umask(old_mask);

    BuildRequest request;
    request.dockerfile = fs::absolute(opts.recipe).string();
    request.context = context.path().string();
    request.target = emit::k_outputs_stage;
    request.output_tar = (fs::path(opts.scratch) / ("run-" + std::to_string(record.index) + ".tar")).string();
    request.show_progress = false;
    request.build_args[emit::k_salt_arg] = std::string("audit-") + audit_tag + "-" + std::to_string(record.index);
    record.variation["salt"] = request.build_args[emit::k_salt_arg];
    if (opts.vary.contains("source-date-epoch")) {
      request.build_args["SOURCE_DATE_EPOCH"] = std::to_string(1600000000 + 86400 * record.index);
      record.variation["source-date-epoch"] = request.build_args["SOURCE_DATE_EPOCH"];
    }
    if (opts.vary.contains("env-noise")) {
      // Arguments the recipe does not declare and variables of the client: neither may matter.
      request.build_args["CARGO_RECIPE_NOISE"] = "noise-" + std::to_string(record.index);
      record.variation["env-noise"] = "CARGO_RECIPE_NOISE=noise-" + std::to_string(record.index);
    }
    record.command = join_command(engine->name(), request);
    record.tar = *request.output_tar;

    auto run_start = std::chrono::steady_clock::now();
    spdlog::info("audit run {}/{} with {}", record.index, opts.runs, record.engine);
    progress.start_run(record.index, engine_log(engine->name(), std::nullopt));
    request.on_log_line = [&progress](std::string_view line) { progress.on_log_line(line); };
    BuildResult result = engine->build(request);
    record.exit_code = result.exit_code;
    record.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - run_start).count();
    progress.finish_run(result.exit_code == 0, record.seconds);
    if (result.exit_code != 0) {
      std::string tail = result.log.size() > 3000 ? result.log.substr(result.log.size() - 3000) : result.log;
      std::cerr << tail;
      record.engine_died = !engine->alive();
      std::string where = "; its log is above";
      if (auto failure = find_build_failure(result.log)) {
        where = " in stage " + failure->stage + (failure->cause.empty() ? "" : ": " + failure->cause);
      }
      // An engine-internal failure is no verdict on the recipe: say so, so it is not read as one.
      FailureClass blame = classify_failure(result.log);
      if (blame.kind == FailureKind::engine_internal || blame.kind == FailureKind::engine_unreachable) {
        where = " inside the engine, not in a unit (" + blame.reason + ")";
      }
      record.failure = record.engine_died
                           ? engine->name() + " stopped answering during run " + std::to_string(record.index)
                           : "the build of run " + std::to_string(record.index) + " failed (exit " +
                                 std::to_string(result.exit_code) + ")" + where;
      records.push_back(record);
      break;
    }
    records.push_back(record);
  }
  return records;
}

}  // namespace recipe::runner
