#pragma once

#include <map>
#include <string>
#include <vector>

// What an audit found, in one shape for both audits (regeneration and rebuild), rendered as
// text, JSON (schemas/audit-report.schema.json), JUnit XML and Markdown.
namespace recipe::report {

enum class Verdict { pass, fail, error };

const char* to_string(Verdict verdict);

// One checked thing: a recipe under one perturbation, or one stage of a rebuilt recipe.
struct Case {
  std::string suite;    // the recipe
  std::string name;     // the perturbation or the stage
  Verdict verdict = Verdict::pass;
  std::string summary;  // one line
  std::string detail;   // evidence: a diff, the differing files
  std::map<std::string, std::string> facts;  // named findings (cause, first divergent unit...)
};

// How one build of an audit ran: enough to repeat it by hand.
struct RunInfo {
  int index = 0;
  std::string engine;
  std::string base_image_id;
  std::string command;
  std::map<std::string, std::string> variation;
  double seconds = 0;
  int exit_code = 0;
};

struct Report {
  std::string kind;  // "generate" or "build"
  std::vector<RunInfo> runs;  // build audits only
  bool complete = true;
  std::string incomplete_reason;
  std::vector<Case> cases;

  size_t count(Verdict verdict) const;
  // 0 all passed, 1 something failed, 3 incomplete (the audit could not finish).
  int exit_code() const;
};

std::string render_text(const Report& report, bool colour);
std::string render_json(const Report& report);
std::string render_junit(const Report& report);
std::string render_markdown(const Report& report);

// Whether text output to stdout should be coloured: a terminal, and NO_COLOR unset.
bool use_colour();

}  // namespace recipe::report
