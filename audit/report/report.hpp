#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

// What an audit found, in one shape for both audits (regeneration and rebuild), rendered as
// text, JSON (schemas/audit-report.schema.json), JUnit XML and Markdown.
namespace recipe::report {

enum class Verdict { pass, fail, error };

const char* to_string(Verdict verdict);

// One checked thing: a recipe under one perturbation, or one stage of a rebuilt recipe.
struct Case {
  std::string suite;  // the recipe
  std::string name;   // the perturbation or the stage
  Verdict verdict = Verdict::pass;
  std::string summary;                       // one line
  std::string detail;                        // evidence: a diff, the differing files
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
  std::string kind;           // "generate", "build", "compare" or "summary"
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

// A report written by render_json. Throws InputError naming `origin` when it is not one.
Report read_report_json(std::string_view text, const std::string& origin);

// The reports of one nightly run as one, each case marked against the same case of `baseline`
// (the previous night's summary, when given) in its "change" fact: new, new failure, regressed,
// still failing, fixed or unchanged. Incomplete if any report is.
Report summarize(const std::vector<Report>& reports, const Report* baseline);

// The cases of a summary that fail now and did not before (or are new and fail).
size_t regressions(const Report& summary);

// Whether text output to stdout should be coloured: a terminal, and NO_COLOR unset.
bool use_colour();

}  // namespace recipe::report
