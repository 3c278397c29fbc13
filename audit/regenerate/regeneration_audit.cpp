#include "audit/regenerate/regeneration_audit.hpp"

#include <algorithm>
#include <set>

#include "audit/compare/text_diff.hpp"
#include "generator/emit/helper_file.hpp"
#include "generator/support/error.hpp"

namespace recipe::regenerate {

namespace {

report::Case compared(const std::string& recipe, const std::string& name, const std::string& expected,
                      const std::string& actual, const std::string& expected_label) {
  report::Case c{recipe, name, report::Verdict::pass, "identical", "", {}};
  if (actual != expected) {
    c.verdict = report::Verdict::fail;
    c.summary = "differs from " + expected_label;
    c.detail = compare::unified_diff(expected, actual, expected_label, name);
  }
  return c;
}

}  // namespace

Generator real_generator(ProcessRunner& processes) {
  return [&processes](const pipeline::GenerateRequest& request, const pipeline::GenerateHooks& hooks) {
    return pipeline::generate_recipe(request, processes, hooks).text;
  };
}

std::vector<report::Case> audit_regeneration(const std::string& recipe, const pipeline::GenerateRequest& request,
                                             const Generator& generate, const AuditOptions& opts) {
  std::string baseline = generate(request, {});
  std::vector<Perturbation> perturbations = all_perturbations();
  std::set<std::string> wanted(opts.perturbations.begin(), opts.perturbations.end());
  for (const auto& name : wanted) {
    if (std::ranges::none_of(perturbations, [&name](const Perturbation& p) { return p.name == name; })) {
      std::string known;
      for (const auto& p : perturbations) {
        known += (known.empty() ? "" : ", ") + p.name;
      }
      throw InputError("unknown perturbation \"" + name + "\" (known: " + known + ")");
    }
  }
  std::vector<report::Case> cases;
  for (int run = 0; run < opts.runs; ++run) {
    for (const auto& perturbation : perturbations) {
      if (!wanted.empty() && !wanted.contains(perturbation.name)) {
        continue;
      }
      std::string name = opts.runs > 1 ? perturbation.name + "#" + std::to_string(run + 1) : perturbation.name;
      try {
        std::string candidate = perturbation.generate(request, generate, opts.seed + static_cast<uint32_t>(run));
        cases.push_back(compared(recipe, name, baseline, candidate, "baseline"));
        cases.back().facts["perturbation"] = perturbation.description;
      } catch (const Error& e) {
        cases.push_back({recipe,
                         name,
                         report::Verdict::error,
                         std::string("could not generate: ") + e.what(),
                         "",
                         {{"perturbation", perturbation.description}}});
      }
    }
  }
  return cases;
}

report::Case check_recipe(const std::string& recipe, const std::string& text, const pipeline::GenerateRequest& request,
                          const Generator& generate) {
  return compared(recipe, "up-to-date", text, generate(request, {}), recipe);
}

report::Case check_helper(const std::string& path, const std::optional<std::string>& text) {
  if (!text) {
    return {path, "up-to-date", report::Verdict::fail, "missing (regenerating any recipe of this folder writes it)", "",
            {}};
  }
  return compared(path, "up-to-date", *text, emit::builtin_helper().text, path);
}

}  // namespace recipe::regenerate
