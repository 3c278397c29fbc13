#include "generator/pipeline/recipe_header.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "generator/support/error.hpp"
#include "generator/support/printable.hpp"

namespace recipe::pipeline {

namespace {

using emit::k_request_prefix;
using emit::k_request_version;
using nlohmann::json;

// One option of the request: its JSON key, the command-line flag that sets it, and where it lives.
// The order of this table is the order of the rendered command; JSON keys are sorted anyway.
enum class Kind { flag, value, list };

struct Field {
  const char* key;
  const char* flag;
  Kind kind;
  bool* (*flag_of)(GenerateRequest&) = nullptr;
  std::string* (*value_of)(GenerateRequest&) = nullptr;
  std::optional<std::string>* (*optional_of)(GenerateRequest&) = nullptr;
  std::vector<std::string>* (*list_of)(GenerateRequest&) = nullptr;
  const char* default_value = "";
};

// Options common to `generate` and `install`, then those of each.
const std::vector<Field>& shared_fields() {
  static const std::vector<Field> fields = {
      {.key = "locked",
       .flag = "--locked",
       .kind = Kind::flag,
       .flag_of = [](GenerateRequest& r) { return &r.load.locked; }},
      {.key = "toolchain",
       .flag = "--toolchain",
       .kind = Kind::value,
       .optional_of = [](GenerateRequest& r) { return &r.load.toolchain_file; }},
      {.key = "offline",
       .flag = "--offline",
       .kind = Kind::flag,
       .flag_of = [](GenerateRequest& r) { return &r.load.offline; }},
      {.key = "features",
       .flag = "--features",
       .kind = Kind::list,
       .list_of = [](GenerateRequest& r) { return &r.load.features; }},
      {.key = "all_features",
       .flag = "--all-features",
       .kind = Kind::flag,
       .flag_of = [](GenerateRequest& r) { return &r.load.all_features; }},
      {.key = "no_default_features",
       .flag = "--no-default-features",
       .kind = Kind::flag,
       .flag_of = [](GenerateRequest& r) { return &r.load.no_default_features; }},
      {.key = "bin", .flag = "--bin", .kind = Kind::list, .list_of = [](GenerateRequest& r) { return &r.plan.bins; }},
      {.key = "bins",
       .flag = "--bins",
       .kind = Kind::flag,
       .flag_of = [](GenerateRequest& r) { return &r.plan.bins_only; }},
      {.key = "target",
       .flag = "--target",
       .kind = Kind::list,
       .list_of = [](GenerateRequest& r) { return &r.load.targets; }},
      {.key = "profile",
       .flag = "--profile",
       .kind = Kind::value,
       .value_of = [](GenerateRequest& r) { return &r.plan.profile; },
       .default_value = "release"},
  };
  return fields;
}

const std::vector<Field>& generate_fields() {
  static const std::vector<Field> fields = {
      {.key = "manifest_path",
       .flag = "--manifest-path",
       .kind = Kind::value,
       .optional_of = [](GenerateRequest& r) { return &r.load.manifest_path; }},
      {.key = "metadata",
       .flag = "--metadata",
       .kind = Kind::value,
       .optional_of = [](GenerateRequest& r) { return &r.load.metadata_file; }},
      {.key = "lockfile",
       .flag = "--lockfile",
       .kind = Kind::value,
       .optional_of = [](GenerateRequest& r) { return &r.load.lockfile; }},
      {.key = "package",
       .flag = "--package",
       .kind = Kind::list,
       .list_of = [](GenerateRequest& r) { return &r.plan.packages; }},
      {.key = "workspace",
       .flag = "--workspace",
       .kind = Kind::flag,
       .flag_of = [](GenerateRequest& r) { return &r.plan.workspace; }},
      {.key = "filter_platform",
       .flag = "--filter-platform",
       .kind = Kind::list,
       .list_of = [](GenerateRequest& r) { return &r.load.filter_platforms; }},
      {.key = "resolver",
       .flag = "--resolver",
       .kind = Kind::value,
       .optional_of = [](GenerateRequest& r) { return &r.plan.resolver; }},
  };
  return fields;
}

const std::vector<Field>& install_fields() {
  static const std::vector<Field> fields = {
      {.key = "path",
       .flag = "--path",
       .kind = Kind::value,
       .optional_of = [](GenerateRequest& r) { return &r.install->path; }},
      {.key = "git",
       .flag = "--git",
       .kind = Kind::value,
       .optional_of = [](GenerateRequest& r) { return &r.install->git; }},
      {.key = "rev",
       .flag = "--rev",
       .kind = Kind::value,
       .optional_of = [](GenerateRequest& r) { return &r.install->rev; }},
      {.key = "tag",
       .flag = "--tag",
       .kind = Kind::value,
       .optional_of = [](GenerateRequest& r) { return &r.install->tag; }},
      {.key = "branch",
       .flag = "--branch",
       .kind = Kind::value,
       .optional_of = [](GenerateRequest& r) { return &r.install->branch; }},
  };
  return fields;
}

// What every recipe command has: what it is built on and from, and which system packages go in.
const std::vector<Field>& recipe_fields() {
  static const std::vector<Field> fields = {
      {.key = "base_image",
       .flag = "--base-image",
       .kind = Kind::value,
       .value_of = [](GenerateRequest& r) { return &r.base_image; },
       .default_value = emit::k_default_base_image},
      {.key = "runtime_base",
       .flag = "--runtime-base",
       .kind = Kind::value,
       .value_of = [](GenerateRequest& r) { return &r.runtime_base; },
       .default_value = emit::k_default_runtime_base},
      {.key = "dialect",
       .flag = "--dialect",
       .kind = Kind::value,
       .value_of = [](GenerateRequest& r) { return &r.dialect; },
       .default_value = "portable"},
      {.key = "sources",
       .flag = "--sources",
       .kind = Kind::value,
       .value_of = [](GenerateRequest& r) { return &r.sources; },
       .default_value = "registry"},
      {.key = "source_date_epoch",
       .flag = "--source-date-epoch",
       .kind = Kind::value,
       .value_of = [](GenerateRequest& r) { return &r.source_date_epoch; },
       .default_value = "0"},
      {.key = "hints",
       .flag = "--hints",
       .kind = Kind::list,
       .list_of = [](GenerateRequest& r) { return &r.hints.files; }},
      {.key = "distro",
       .flag = "--distro",
       .kind = Kind::value,
       .value_of = [](GenerateRequest& r) { return &r.hints.distro; }},
      {.key = "add_apt",
       .flag = "--add-apt",
       .kind = Kind::value,
       .value_of = [](GenerateRequest& r) { return &r.hints.add_apt; }},
      {.key = "add_apk",
       .flag = "--add-apk",
       .kind = Kind::value,
       .value_of = [](GenerateRequest& r) { return &r.hints.add_apk; }},
  };
  return fields;
}

// The fields of `request`'s command, in command order.
std::vector<const Field*> fields_of(bool install) {
  std::vector<const Field*> out;
  for (const auto* table : {install ? &install_fields() : &generate_fields(), &shared_fields(), &recipe_fields()}) {
    for (const Field& field : *table) {
      out.push_back(&field);
    }
  }
  return out;
}

std::string install_spec(const install::InstallRequest& crate) {
  return crate.version.empty() ? crate.name : crate.name + "@" + crate.version;
}

// Visit every field that differs from its default: `on(field, value)` with a JSON bool, string or
// array of strings.
template <typename Visit>
void each_set_field(GenerateRequest r, Visit on) {  // a copy: the accessors are those reading writes through
  for (const Field* field : fields_of(r.install.has_value())) {
    switch (field->kind) {
      case Kind::flag:
        if (*field->flag_of(r)) {
          on(*field, json(true));
        }
        break;
      case Kind::value:
        if (field->optional_of != nullptr) {
          if (const auto& value = *field->optional_of(r)) {
            on(*field, json(*value));
          }
        } else if (*field->value_of(r) != field->default_value) {
          on(*field, json(*field->value_of(r)));
        }
        break;
      case Kind::list:
        if (!field->list_of(r)->empty()) {
          on(*field, json(*field->list_of(r)));
        }
        break;
    }
  }
}

}  // namespace

std::string request_to_json(const GenerateRequest& request) {
  json object = json::object();
  object["command"] = request.install ? "install" : "generate";
  if (request.install && !request.install->name.empty()) {
    object["crate"] = install_spec(*request.install);
  }
  each_set_field(request, [&object](const Field& field, json value) { object[field.key] = std::move(value); });
  // Sorted keys and \u escapes: one line of ASCII whatever the values hold.
  return object.dump(-1, ' ', true);
}

std::vector<std::string> request_to_command(const GenerateRequest& request) {
  std::vector<std::string> words = {"cargo-recipe", request.install ? "install" : "generate"};
  if (request.install && !request.install->name.empty()) {
    words.push_back(install_spec(*request.install));
  }
  each_set_field(request, [&words](const Field& field, const json& value) {
    if (value.is_boolean()) {
      words.push_back(field.flag);
      return;
    }
    for (const json& item : value.is_array() ? value : json::array({value})) {
      words.push_back(field.flag);
      words.push_back(item.get<std::string>());
    }
  });
  return words;
}

GenerateRequest read_request(std::string_view recipe, const std::string& origin) {
  // The request line, and its line number for messages.
  size_t start = recipe.starts_with(k_request_prefix) ? 0 : recipe.find("\n" + std::string(k_request_prefix));
  if (start == std::string_view::npos) {
    std::string how = "regenerate it with the command its \"# cargo-recipe-command:\" line shows";
    throw InputError(origin + ": has no \"" + std::string(k_request_prefix.substr(2)) + "1:\" header line (" +
                     (recipe.find("# cargo-recipe-command: ") != std::string_view::npos
                          ? "written by an older cargo-recipe: " + how
                          : "not written by cargo-recipe generate or install") +
                     ")");
  }
  start += recipe[start] == '\n' ? 1 : 0;
  const std::string where = origin + ":" + std::to_string(std::count(recipe.begin(), recipe.begin() + start, '\n') + 1);
  std::string_view line = recipe.substr(start + k_request_prefix.size());
  line = line.substr(0, line.find('\n'));
  size_t colon = line.find(": ");
  if (colon == std::string_view::npos || line.substr(0, colon) != std::to_string(k_request_version)) {
    throw InputError(where + ": recipe header version " + quote_value(line.substr(0, line.find(':'))) +
                     " is not one this cargo-recipe reads (it reads " + std::to_string(k_request_version) +
                     "; regenerate the recipe or update cargo-recipe)");
  }
  json object = json::parse(line.substr(colon + 2), nullptr, false);
  if (!object.is_object()) {
    throw InputError(where + ": the request is not a JSON object (regenerate the recipe)");
  }
  auto field_error = [&where](const std::string& key, const std::string& what) {
    // A key is the recipe's text: quote_value keeps a "\n" in it from ending the message's line.
    return InputError(where + ": request field " + quote_value(key) + " " + what + " (regenerate the recipe)");
  };
  auto string_of = [&](const std::string& key, const json& value) {
    if (!value.is_string()) {
      throw field_error(key, "must be a string");
    }
    return value.get<std::string>();
  };

  GenerateRequest request;
  const json* command = object.contains("command") ? &object["command"] : nullptr;
  std::string verb = command ? string_of("command", *command) : "";
  if (verb != "generate" && verb != "install") {
    throw field_error("command", "must be \"generate\" or \"install\"");
  }
  std::string spec;
  if (verb == "install") {
    request.install.emplace();
  }
  std::vector<const Field*> fields = fields_of(request.install.has_value());
  for (const auto& [key, value] : object.items()) {
    if (key == "command") {
      continue;
    }
    if (key == "crate" && request.install) {
      spec = string_of(key, value);
      continue;
    }
    const std::string& name = key;  // a structured binding cannot be captured before C++20's clang 16
    auto it = std::ranges::find_if(fields, [&name](const Field* f) { return name == f->key; });
    if (it == fields.end()) {
      throw field_error(key, "is not one this cargo-recipe knows for " + verb);
    }
    const Field& field = **it;
    switch (field.kind) {
      case Kind::flag:
        if (!value.is_boolean()) {
          throw field_error(key, "must be true or false");
        }
        *field.flag_of(request) = value.get<bool>();
        break;
      case Kind::value:
        if (field.optional_of != nullptr) {
          *field.optional_of(request) = string_of(key, value);
        } else {
          *field.value_of(request) = string_of(key, value);
        }
        break;
      case Kind::list:
        if (!value.is_array()) {
          throw field_error(key, "must be an array of strings");
        }
        for (const json& item : value) {
          field.list_of(request)->push_back(string_of(key, item));
        }
        break;
    }
  }
  if (request.install) {
    install::check_request(*request.install, spec);
  }
  finish_request(request);
  return request;
}

}  // namespace recipe::pipeline
