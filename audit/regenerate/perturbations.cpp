#include "audit/regenerate/perturbations.hpp"

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

#include "generator/support/error.hpp"
#include "generator/support/scoped_fs.hpp"

namespace recipe::regenerate {

namespace fs = std::filesystem;

namespace {

// Sets variables for its lifetime, then puts back what was there.
class EnvironmentGuard {
 public:
  void set(const std::string& key, const std::string& value) {
    if (!m_saved.contains(key)) {
      const char* old = std::getenv(key.c_str());
      m_saved[key] = old == nullptr ? std::nullopt : std::optional<std::string>(old);
    }
    ::setenv(key.c_str(), value.c_str(), 1);
  }
  ~EnvironmentGuard() {
    for (const auto& [key, value] : m_saved) {
      if (value) {
        ::setenv(key.c_str(), value->c_str(), 1);
      } else {
        ::unsetenv(key.c_str());
      }
    }
    std::setlocale(LC_ALL, "C");
  }

 private:
  std::map<std::string, std::optional<std::string>> m_saved;
};

std::string absolute(const std::string& path) {
  return path == "-" ? path : fs::absolute(path).lexically_normal().string();
}

bool order_free(const std::string& key) {
  static const std::set<std::string> k_keys = {
      "packages", "targets",   "dependencies",      "nodes",
      "deps",     "dep_kinds", "workspace_members", "workspace_default_members",
      "features"};
  return k_keys.contains(key);
}

void shuffle_value(nlohmann::ordered_json& value, std::mt19937& rng, const std::string& key) {
  if (value.is_object()) {
    std::vector<std::pair<std::string, nlohmann::ordered_json>> items;
    for (auto& [k, v] : value.items()) {
      items.emplace_back(k, std::move(v));
    }
    std::shuffle(items.begin(), items.end(), rng);
    nlohmann::ordered_json shuffled = nlohmann::ordered_json::object();
    for (auto& [k, v] : items) {
      shuffle_value(v, rng, k);
      shuffled[k] = std::move(v);
    }
    value = std::move(shuffled);
  } else if (value.is_array()) {
    for (auto& item : value) {
      shuffle_value(item, rng, "");
    }
    if (order_free(key)) {
      std::shuffle(value.begin(), value.end(), rng);
    }
  }
}

void reverse_value(nlohmann::ordered_json& value, const std::string& key) {
  if (value.is_object()) {
    for (auto& [k, v] : value.items()) {
      reverse_value(v, k);
    }
  } else if (value.is_array()) {
    for (auto& item : value) {
      reverse_value(item, "");
    }
    if (order_free(key)) {
      std::reverse(value.begin(), value.end());
    }
  }
}

// Prefix every absolute path cargo metadata holds (ids are opaque and stay as they are).
void move_paths(nlohmann::ordered_json& value, const std::string& key) {
  static const std::set<std::string> k_path_keys = {"manifest_path", "src_path", "workspace_root", "target_directory"};
  if (value.is_object()) {
    for (auto& [k, v] : value.items()) {
      move_paths(v, k);
    }
  } else if (value.is_array()) {
    for (auto& item : value) {
      move_paths(item, "");
    }
  } else if (value.is_string() && k_path_keys.contains(key) && value.get<std::string>().starts_with("/")) {
    value = "/moved-by-cargo-recipe" + value.get<std::string>();
  }
}

// Copy the workspace (without build outputs or VCS data) to a new absolute path and generate
// from there, from another working directory.
std::string generate_moved(const pipeline::GenerateRequest& original, const Generator& generate) {
  pipeline::GenerateRequest request = with_absolute_paths(original);
  if (request.load.metadata_file || !request.load.manifest_path) {
    // Metadata read from a file: move the whole tree it describes (the workspace and any path
    // package beside it) under another root, keeping every relative position.
    pipeline::GenerateHooks hooks;
    hooks.transform_metadata = [](std::string text) {
      nlohmann::ordered_json doc = nlohmann::ordered_json::parse(text);
      move_paths(doc, "");
      return doc.dump();
    };
    WorkingDirectory directory("/");
    return generate(request, hooks);
  }
  fs::path manifest = *request.load.manifest_path;
  fs::path root = manifest.parent_path();
  TempDir temp("cargo-recipe-moved");
  fs::path moved = temp.path() / ("moved-" + root.filename().string());
  fs::create_directories(moved);
  for (const auto& entry : fs::directory_iterator(root)) {
    std::string name = entry.path().filename().string();
    if (name == "target" || name == ".git") {
      continue;
    }
    fs::copy(entry.path(), moved / name, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  }
  request.load.manifest_path = (moved / manifest.filename()).string();
  WorkingDirectory directory(temp.path());
  return generate(request, {});
}

}  // namespace

pipeline::GenerateRequest with_absolute_paths(pipeline::GenerateRequest request) {
  auto fix = [](std::optional<std::string>& path) {
    if (path) {
      path = absolute(*path);
    }
  };
  fix(request.load.manifest_path);
  fix(request.load.metadata_file);
  fix(request.load.lockfile);
  fix(request.load.toolchain_file);
  if (request.sources.starts_with("vendor=")) {
    request.sources = "vendor=" + absolute(request.sources.substr(7));
  }
  return request;
}

std::string shuffle_metadata(const std::string& json, uint32_t seed) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(json);
  std::mt19937 rng(seed);
  shuffle_value(doc, rng, "");
  return doc.dump();
}

std::vector<Perturbation> all_perturbations() {
  std::vector<Perturbation> list;
  list.push_back({"repeat", "the same inputs again",
                  [](const pipeline::GenerateRequest& r, const Generator& g, uint32_t) { return g(r, {}); }});
  list.push_back({"shuffled-metadata", "cargo metadata with object keys and order-free arrays shuffled",
                  [](const pipeline::GenerateRequest& r, const Generator& g, uint32_t seed) {
                    pipeline::GenerateHooks hooks;
                    hooks.transform_metadata = [seed](std::string text) { return shuffle_metadata(text, seed); };
                    return g(r, hooks);
                  }});
  list.push_back({"reordered-packages", "packages, targets and dependencies listed in reverse order",
                  [](const pipeline::GenerateRequest& r, const Generator& g, uint32_t) {
                    pipeline::GenerateHooks hooks;
                    hooks.transform_metadata = [](std::string text) {
                      nlohmann::ordered_json doc = nlohmann::ordered_json::parse(text);
                      reverse_value(doc, "");
                      return doc.dump();
                    };
                    return g(r, hooks);
                  }});
  list.push_back(
      {"moved-workspace", "the workspace copied to another absolute path, generated from elsewhere",
       [](const pipeline::GenerateRequest& r, const Generator& g, uint32_t) { return generate_moved(r, g); }});
  list.push_back({"working-directory", "generated from the root directory",
                  [](const pipeline::GenerateRequest& r, const Generator& g, uint32_t) {
                    pipeline::GenerateRequest request = with_absolute_paths(r);
                    WorkingDirectory directory("/");
                    return g(request, {});
                  }});
  list.push_back({"locale-timezone", "LANG/LC_ALL Turkish UTF-8 (dotless i), TZ far from UTC",
                  [](const pipeline::GenerateRequest& r, const Generator& g, uint32_t) {
                    EnvironmentGuard env;
                    env.set("LANG", "tr_TR.UTF-8");
                    env.set("LC_ALL", "tr_TR.UTF-8");
                    env.set("TZ", "Pacific/Kiritimati");
                    if (std::setlocale(LC_ALL, "") == nullptr) {
                      env.set("LC_ALL", "C.UTF-8");
                      std::setlocale(LC_ALL, "");
                    }
                    return g(r, {});
                  }});
  list.push_back({"environment-noise", "extra variables a build machine might set (RUSTFLAGS, SOURCE_DATE_EPOCH...)",
                  [](const pipeline::GenerateRequest& r, const Generator& g, uint32_t seed) {
                    EnvironmentGuard env;
                    env.set("RUSTFLAGS", "-C target-cpu=native");
                    env.set("CARGO_BUILD_JOBS", "64");
                    env.set("SOURCE_DATE_EPOCH", std::to_string(1700000000 + seed));
                    env.set("NUM_JOBS", "64");
                    env.set("HOSTNAME", "noise-" + std::to_string(seed));
                    env.set("CARGO_RECIPE_NOISE_" + std::to_string(seed), "1");
                    return g(r, {});
                  }});
  return list;
}

}  // namespace recipe::regenerate
