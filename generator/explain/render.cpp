#include <string>

#include "generator/explain/explain.hpp"
#include "generator/support/json_writer.hpp"

namespace recipe::explain {

namespace {

size_t followers_of(const Explanation& e) {
  size_t count = 0;
  for (const auto& cause : e.causes) {
    count += cause.followers.size();
  }
  return count;
}

size_t own_changes_of(const Explanation& e) {
  size_t count = 0;
  for (const auto& cause : e.causes) {
    count += cause.units.size();
  }
  return count;
}

std::string chain_text(const Follower& follower) {
  std::string out = follower.unit;
  for (const auto& link : follower.chain) {
    out += "\n        <- " + link;
  }
  return out;
}

}  // namespace

std::string render_explanation_text(const Explanation& e) {
  size_t own = own_changes_of(e);
  size_t followed = followers_of(e);
  std::string out = std::to_string(own + followed) + " of " + std::to_string(e.units_after) +
                    " units changed: " + std::to_string(own) + " by their own inputs, " + std::to_string(followed) +
                    " because a dependency did; " + std::to_string(e.added.size()) + " added, " +
                    std::to_string(e.removed.size()) + " removed\n";
  for (const auto& cause : e.causes) {
    out += "\n" + cause.change.field + ": " + cause.change.before + " -> " + cause.change.after + "\n";
    for (const auto& unit : cause.units) {
      out += "  changed " + unit + "\n";
    }
    for (const auto& follower : cause.followers) {
      out += "    then " + chain_text(follower) + "\n";
    }
  }
  for (const auto& unit : e.added) {
    out += "\nadded " + unit;
  }
  for (const auto& unit : e.removed) {
    out += "\nremoved " + unit;
  }
  if (!e.added.empty() || !e.removed.empty()) {
    out += "\n";
  }
  return out;
}

std::string render_explanation_json(const Explanation& e) {
  JsonWriter w;
  w.begin_object();
  w.key("added").strings(e.added);
  w.key("causes").begin_array();
  for (const auto& cause : e.causes) {
    w.begin_object();
    w.key("after").string(cause.change.after);
    w.key("before").string(cause.change.before);
    w.key("field").string(cause.change.field);
    w.key("followers").begin_array();
    for (const auto& follower : cause.followers) {
      w.begin_object();
      w.key("chain").strings(follower.chain);
      w.key("unit").string(follower.unit);
      w.end_object();
    }
    w.end_array();
    w.key("units").strings(cause.units);
    w.end_object();
  }
  w.end_array();
  w.key("removed").strings(e.removed);
  w.key("schema").string("cargo-recipe/explain/1");
  w.key("unchanged").number(static_cast<int64_t>(e.unchanged));
  w.key("units_after").number(static_cast<int64_t>(e.units_after));
  w.key("units_before").number(static_cast<int64_t>(e.units_before));
  w.end_object();
  return w.take() + "\n";
}

}  // namespace recipe::explain
