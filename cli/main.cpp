// cargo-recipe: plan, generate and audit reproducible BuildKit recipes for Rust workspaces.
#include <algorithm>
#include <functional>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/audit_command.hpp"
#include "cli/build_command.hpp"
#include "cli/explain_command.hpp"
#include "cli/generate_command.hpp"
#include "cli/hints_command.hpp"
#include "cli/plan_command.hpp"
#include "generator/support/error.hpp"
#include "generator/version.hpp"

namespace {

constexpr int k_exit_input_error = 2;
constexpr int k_exit_engine_error = 3;

void setup_logging(int verbosity) {
  auto logger = spdlog::stderr_color_mt("cargo-recipe");
  logger->set_pattern("cargo-recipe: %l: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(verbosity >= 2 ? spdlog::level::debug : verbosity == 1 ? spdlog::level::info : spdlog::level::warn);
}

// The first argument that is not an option: the subcommand, as the top level takes no option
// with a value. `args` is reversed (CLI11's order).
std::string_view subcommand_named(const std::vector<std::string>& args) {
  for (auto it = args.rbegin(); it != args.rend(); ++it) {
    if (!it->starts_with('-')) {
      return *it;
    }
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  // `cargo recipe ARGS` runs `cargo-recipe recipe ARGS`.
  if (!args.empty() && args.front() == "recipe") {
    args.erase(args.begin());
  }
  std::reverse(args.begin(), args.end());  // CLI11 takes a reversed vector

  CLI::App app{"cargo-recipe: deterministic BuildKit recipes for Rust workspaces, and the audit that proves them"};
  app.name("cargo-recipe");
  app.set_version_flag("-V,--version", std::string("cargo-recipe ") + recipe::k_version);
  app.require_subcommand(1);
  int verbosity = 0;
  app.add_flag("-v,--verbose", verbosity, "More logging on stderr (-v what runs, -vv argv, hashes, timings)");
  app.parse_complete_callback([&verbosity] { setup_logging(verbosity); });
  // Only the subcommand named is built, when one is: building every subcommand's options took a
  // twentieth of a plan's run time. Without one (`--help`, a typo), all are, so that CLI11 lists
  // them and suggests the right one.
  const std::vector<std::pair<std::string_view, std::function<void()>>> subcommands = {
      {"plan", [&] { recipe::cli::add_plan_command(app); }},
      {"generate", [&] { recipe::cli::add_generate_command(app); }},
      {"install", [&] { recipe::cli::add_install_command(app); }},
      {"build", [&] { recipe::cli::add_build_command(app); }},
      {"explain", [&] { recipe::cli::add_explain_command(app); }},
      {"hints", [&] { recipe::cli::add_hints_command(app); }},
      {"audit", [&] { recipe::cli::add_audit_command(app); }},
  };
  std::string_view named = subcommand_named(args);
  bool known = std::ranges::any_of(subcommands, [&](const auto& entry) { return entry.first == named; });
  for (const auto& [name, add] : subcommands) {
    if (!known || name == named) {
      add();
    }
  }

  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "cargo-recipe: error: " << e.what() << " (see --help)\n";
    return k_exit_input_error;
  } catch (const recipe::ExitWithCode& e) {
    return e.code();
  } catch (const recipe::InputError& e) {
    std::cerr << "cargo-recipe: error: " << e.what() << "\n";
    return k_exit_input_error;
  } catch (const recipe::EngineError& e) {
    std::cerr << "cargo-recipe: error: " << e.what() << "\n";
    return k_exit_engine_error;
  } catch (const recipe::Error& e) {
    std::cerr << "cargo-recipe: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "cargo-recipe: internal error: " << e.what() << " (please report it)\n";
    return 1;
  }
  return 0;
}
