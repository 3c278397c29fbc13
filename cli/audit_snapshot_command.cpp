#include "cli/audit_subcommands.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include <nlohmann/json.hpp>

#include "audit/snapshot/snapshot.hpp"

namespace recipe::cli {

namespace {

struct SnapshotOptions {
  std::string tar;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string format = "text";
};

const char* type_name(snapshot::EntryType type) {
  switch (type) {
    case snapshot::EntryType::file:
      return "file";
    case snapshot::EntryType::directory:
      return "dir";
    case snapshot::EntryType::symlink:
      return "symlink";
    case snapshot::EntryType::hardlink:
      return "hardlink";
    case snapshot::EntryType::other:
      return "other";
  }
  return "other";
}

void run_snapshot(const SnapshotOptions& opts) {
  auto started = std::chrono::steady_clock::now();
  snapshot::Snapshot snap = snapshot::read_tar(opts.tar, opts.jobs);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (opts.format == "json") {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : snap.entries) {
      entries.push_back({{"path", e.path},
                         {"type", type_name(e.type)},
                         {"mode", e.mode},
                         {"size", e.size},
                         {"mtime", e.mtime},
                         {"uid", e.uid},
                         {"gid", e.gid},
                         {"link_target", e.link_target},
                         {"xxh3", e.xxh3},
                         {"sha256", e.sha256}});
    }
    std::cout << nlohmann::json{{"schema", "cargo-recipe/snapshot/1"}, {"entries", entries}}.dump(2) << "\n";
  } else {
    // Files as sha256sum prints them; other entries with their type where the digest would be.
    for (const auto& e : snap.entries) {
      std::string digest = e.type == snapshot::EntryType::file ? e.sha256 : std::string(type_name(e.type));
      std::cout << digest << "  " << e.path << (e.link_target.empty() ? "" : " -> " + e.link_target) << "\n";
    }
  }
  // Throughput goes to stderr: stdout stays the product.
  double mb = static_cast<double>(snap.bytes_hashed) / 1e6;
  std::fprintf(stderr, "cargo-recipe: hashed %zu entries, %.1f MB in %.3f s (%.0f MB/s, %u threads)\n",
               snap.entries.size(), mb, seconds, seconds > 0 ? mb / seconds : 0.0, opts.jobs);
}

}  // namespace

void add_audit_snapshot_command(CLI::App& audit) {
  auto opts = std::make_shared<SnapshotOptions>();
  CLI::App* command = audit.add_subcommand(
      "snapshot", "Hash every entry of an exported tar as the build audit does (XXH3-128 and SHA-256, streaming)");
  command->add_option("tar", opts->tar, "The tar (e.g. from docker build -o type=tar,dest=FILE)")->required();
  command->add_option("--jobs", opts->jobs, "Hashing threads")->check(CLI::PositiveNumber)->capture_default_str();
  command->add_option("--format", opts->format, "text (sha256sum's format) or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->callback([opts] { run_snapshot(*opts); });
}

}  // namespace recipe::cli
