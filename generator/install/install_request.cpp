#include "generator/install/install_request.hpp"

#include <re2/re2.h>

#include "generator/model/semver.hpp"
#include "generator/support/error.hpp"
#include "generator/support/printable.hpp"

namespace recipe::install {

void check_request(InstallRequest& request, const std::string& spec) {
  if (!spec.empty()) {
    static const RE2 k_spec(R"(([A-Za-z0-9_-]+)(?:@(.+))?)");
    if (!RE2::FullMatch(spec, k_spec, &request.name, &request.version)) {
      throw InputError(quote_value(spec) + " is not a crate (write NAME or NAME@VERSION, e.g. ripgrep@14.1.0)");
    }
    if (!request.version.empty() && !model::VersionReq::parse(request.version)) {
      throw InputError(quote_value(request.version) + " in " + quote_value(spec) +
                       " is not a version (write MAJOR.MINOR.PATCH, or a requirement such as ~1.2)");
    }
  }
  int refs = (request.rev ? 1 : 0) + (request.tag ? 1 : 0) + (request.branch ? 1 : 0);
  if (refs > 1) {
    throw InputError("--rev, --tag and --branch name one commit: give only one of them");
  }
  if (refs == 1 && !request.git) {
    throw InputError(std::string(request.rev   ? "--rev"
                                 : request.tag ? "--tag"
                                               : "--branch") +
                     " needs --git URL (it picks a commit of that repository)");
  }
  if (request.git && request.path) {
    throw InputError("--git and --path are two sources of the crate: give one of them");
  }
  if ((request.git || request.path) && !request.version.empty()) {
    throw InputError("a version (" + quote_value(spec) +
                     ") only applies to crates from a registry or vendor folder, not to --" +
                     (request.git ? "git" : "path"));
  }
  if (request.name.empty() && !request.git && !request.path) {
    throw InputError("which crate? give NAME[@VERSION], or --path DIR, or --git URL");
  }
}

}  // namespace recipe::install
