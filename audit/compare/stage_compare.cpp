#include "audit/compare/stage_compare.hpp"

#include <algorithm>

#include "generator/support/hash.hpp"

namespace recipe::compare {

namespace {

const std::vector<snapshot::Entry>* outputs_of(const RunOutputs& run, const std::string& unit_id) {
  auto it = run.find(unit_id);
  return it == run.end() ? nullptr : &it->second;
}

// What the outputs are, without when or by whom they were written.
std::string content_digest(const std::vector<snapshot::Entry>* entries) {
  if (entries == nullptr) {
    return "missing";
  }
  Hasher h;
  for (const auto& e : *entries) {
    h.field("path", e.path)
        .field("type", static_cast<int64_t>(e.type))
        .field("xxh3", e.xxh3)
        .field("link", e.link_target);
  }
  return h.hex_digest();
}

std::string metadata_digest(const std::vector<snapshot::Entry>* entries) {
  if (entries == nullptr) {
    return "missing";
  }
  Hasher h;
  for (const auto& e : *entries) {
    h.field("path", e.path).field("mode", static_cast<int64_t>(e.mode)).field("mtime", e.mtime);
    h.field("uid", static_cast<int64_t>(e.uid)).field("gid", static_cast<int64_t>(e.gid));
  }
  return h.hex_digest();
}

std::vector<FileDifference> file_differences(const std::vector<snapshot::Entry>* a,
                                             const std::vector<snapshot::Entry>* b) {
  std::vector<FileDifference> out;
  if (a == nullptr || b == nullptr) {
    out.push_back({"", "missing", a == nullptr ? "" : "present", b == nullptr ? "" : "present"});
    return out;
  }
  std::map<std::string, const snapshot::Entry*> first;
  for (const auto& e : *a) {
    first[e.path] = &e;
  }
  std::map<std::string, const snapshot::Entry*> second;
  for (const auto& e : *b) {
    second[e.path] = &e;
  }
  for (const auto& [path, e] : first) {
    auto it = second.find(path);
    if (it == second.end()) {
      out.push_back({path, "missing", e->xxh3, ""});
      continue;
    }
    const snapshot::Entry* o = it->second;
    if (e->type != o->type) {
      out.push_back(
          {path, "type", std::to_string(static_cast<int>(e->type)), std::to_string(static_cast<int>(o->type))});
    } else if (e->xxh3 != o->xxh3) {
      out.push_back({path, "content", e->sha256, o->sha256});
    } else if (e->link_target != o->link_target) {
      out.push_back({path, "link", e->link_target, o->link_target});
    }
    if (e->mtime != o->mtime) {
      out.push_back({path, "mtime", std::to_string(e->mtime), std::to_string(o->mtime)});
    }
    if (e->mode != o->mode) {
      out.push_back({path, "mode", std::to_string(e->mode), std::to_string(o->mode)});
    }
    if (e->uid != o->uid || e->gid != o->gid) {
      out.push_back({path, "owner", std::to_string(e->uid) + ":" + std::to_string(e->gid),
                     std::to_string(o->uid) + ":" + std::to_string(o->gid)});
    }
  }
  for (const auto& [path, e] : second) {
    if (!first.contains(path)) {
      out.push_back({path, "extra", "", e->xxh3});
    }
  }
  return out;
}

}  // namespace

const char* to_string(OutputStatus status) {
  switch (status) {
    case OutputStatus::identical:
      return "identical";
    case OutputStatus::metadata_only:
      return "metadata only";
    case OutputStatus::content_differs:
      return "content differs";
    case OutputStatus::missing:
      return "missing";
  }
  return "missing";
}

const char* to_string(Role role) {
  switch (role) {
    case Role::reproducible:
      return "reproducible";
    case Role::first_divergent:
      return "first divergent";
    case Role::propagated:
      return "propagated";
  }
  return "propagated";
}

std::vector<StageResult> compare_runs(const std::vector<UnitStage>& stages, const std::vector<RunOutputs>& runs) {
  std::vector<StageResult> results;
  results.reserve(stages.size());
  for (const auto& stage : stages) {
    StageResult r;
    r.stage = &stage;
    bool metadata_differs = false;
    std::vector<std::string> metadata;
    for (const auto& run : runs) {
      const auto* entries = outputs_of(run, stage.unit_id);
      r.output_digests.push_back(content_digest(entries));
      metadata.push_back(metadata_digest(entries));
      // Our stage key: the stage's own text, then what each input held in this run. Stable across
      // runs and machines, unlike BuildKit's vertex digests.
      Hasher key;
      key.field("stage", stage.text);
      for (const auto& input : stage.inputs) {
        key.field("input", input).field("outputs", content_digest(outputs_of(run, input)));
      }
      r.stage_keys.push_back(key.hex_digest());
    }
    for (size_t i = 1; i < runs.size(); ++i) {
      bool content = r.output_digests[i] != r.output_digests[0];
      bool meta = metadata[i] != metadata[0];
      if ((content || meta) && r.differing_run < 0) {
        r.differing_run = static_cast<int>(i);
      }
      metadata_differs = metadata_differs || meta;
      if (r.stage_keys[i] != r.stage_keys[0]) {
        r.same_inputs = false;
      }
    }
    bool any_missing = std::ranges::any_of(r.output_digests, [](const std::string& d) { return d == "missing"; });
    bool content_differs =
        std::ranges::any_of(r.output_digests, [&r](const std::string& d) { return d != r.output_digests[0]; });
    r.status = any_missing        ? OutputStatus::missing
               : content_differs  ? OutputStatus::content_differs
               : metadata_differs ? OutputStatus::metadata_only
                                  : OutputStatus::identical;
    if (content_differs || any_missing) {
      r.role = r.same_inputs ? Role::first_divergent : Role::propagated;
    }
    if (r.differing_run > 0) {
      r.differences =
          file_differences(outputs_of(runs[0], stage.unit_id), outputs_of(runs[r.differing_run], stage.unit_id));
    }
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace recipe::compare
