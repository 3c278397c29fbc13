#include "generator/emit/runtime_stage.hpp"

#include <map>

#include "generator/emit/escape.hpp"
#include "generator/emit/json_words.hpp"
#include "generator/emit/unit_command.hpp"

namespace recipe::emit {

namespace {

// The stage that lists the run-time packages of the binaries linked on `linked_on`.
std::string packages_stage(const std::string& linked_on) {
  return std::string(k_runtime_stage) + "-packages-" + linked_on;
}

// Where that stage writes its list.
std::string packages_file(const std::string& linked_on) {
  return "/recipe/runtime/packages-" + linked_on;
}

// `env -i` and the step environment, then `prefix` (the helper and how to run it), then `words`.
std::vector<std::string> helper_words(const RecipeInputs& inputs, std::vector<std::string> prefix,
                                      const std::vector<std::string>& words) {
  std::vector<std::string> out = {"/usr/bin/env", "-i"};
  for (const auto& entry : base_environment(inputs.source_date_epoch)) {
    out.push_back(entry);
  }
  out.insert(out.end(), prefix.begin(), prefix.end());
  out.insert(out.end(), words.begin(), words.end());
  return out;
}

// Why a recipe has no runtime stage, or "" when it can have one.
std::string no_runtime_reason(const RecipeInputs& inputs, const std::vector<RuntimeBinary>& bins) {
  const plan::Plan& plan = *inputs.plan;
  if (bins.empty()) {
    return "no binaries";
  }
  if (inputs.distro != hints::Distro::debian) {
    return "run-time packages are found with dpkg, on Debian images only";
  }
  if (plan.targets.size() > 1 || (plan.targets.size() == 1 && plan.targets.front() != plan.host)) {
    return "the binaries are built for another target than the host";
  }
  return "";
}

}  // namespace

std::string runtime_stages(const RecipeInputs& inputs, const std::vector<RuntimeBinary>& bins) {
  if (std::string reason = no_runtime_reason(inputs, bins); !reason.empty()) {
    return "\n# No " + std::string(k_runtime_stage) + " stage: " + comment_text(reason) + ".\n";
  }
  std::map<std::string, std::vector<const RuntimeBinary*>> by_stage;
  for (const RuntimeBinary& bin : bins) {
    by_stage[bin.linked_on].push_back(&bin);
  }
  std::string out;
  for (const auto& [linked_on, group] : by_stage) {
    out += "\n# Run-time packages of the binaries linked on " + comment_text(linked_on) +
           ": the Debian packages holding the shared\n# libraries they name as NEEDED, at the versions "
           "they were linked against (none for a static binary).\n";
    out += "FROM " + plain_word(linked_on, "stage name") + " AS " + packages_stage(linked_on) + "\n";
    std::vector<std::string> words = {"runtime-packages", packages_file(linked_on)};
    out += "RUN " + inputs.dialect.sandbox_flags();
    for (const RuntimeBinary* bin : group) {
      const std::string target = "/recipe/runtime/bin/" + bin->name;
      out += Mount{.from = bin->output_stage, .source = bin->artifact, .target = target}.render() + " \\\n    ";
      words.push_back(target);
    }
    out += json_words(helper_words(inputs, {k_helper_path}, words)) + "\n";
  }

  out +=
      "\n# The runtime image: the runtime base, those of the packages above that it lacks (from the Debian\n"
      "# archive), and the binaries in " +
      std::string(k_runtime_bin_dir) + ".\n";
  out += "FROM " + plain_word(inputs.runtime_base, "runtime base image") + " AS " + k_runtime_stage + "\n";
  out += "RUN " + Mount{.from = inputs.helper->stage(), .source = k_helper_path, .target = k_helper_path}.render();
  std::vector<std::string> lists = {"install-runtime-packages"};
  for (const auto& [linked_on, group] : by_stage) {
    out +=
        " \\\n    " +
        Mount{.from = packages_stage(linked_on), .source = packages_file(linked_on), .target = packages_file(linked_on)}
            .render();
    lists.push_back(packages_file(linked_on));
  }
  // The helper stage's copy is not executable: bash reads it.
  out += " \\\n    " +
         json_words(helper_words(inputs, {"DEBIAN_FRONTEND=noninteractive", "/bin/bash", "-p", k_helper_path}, lists)) +
         "\n";
  for (const RuntimeBinary& bin : bins) {
    out += "COPY " + inputs.dialect.copy_flags() + "--from=" + bin.output_stage + " " +
           plain_word(bin.artifact, "binary") + " " + k_runtime_bin_dir + "/" + plain_word(bin.name, "binary name") +
           "\n";
  }
  return out;
}

}  // namespace recipe::emit
