#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace recipe::model {

// The cfg values rustc reports for one target (`rustc --print cfg`): bare names such as `unix`
// and key/value pairs such as `target_os="linux"`.
struct CfgSet {
  std::string triple;
  std::set<std::string> names;
  std::set<std::pair<std::string, std::string>> values;

  // Parse `rustc --print cfg` output. Throws InputError naming `origin` on a malformed line.
  static CfgSet parse(std::string_view text, const std::string& triple, const std::string& origin);
  bool has(const std::string& name) const { return names.contains(name); }
  bool has(const std::string& key, const std::string& value) const;
};

// A `cfg(...)` expression tree.
struct CfgExpr {
  enum class Op { name, key_value, all, any, not_, literal_true, literal_false };
  Op op = Op::name;
  std::string key;
  std::string value;
  std::vector<CfgExpr> children;

  bool eval(const CfgSet& cfg) const;
  std::string to_string() const;
};

// A dependency's platform: a target triple or a cfg expression, as in `[target.X.dependencies]`.
struct Platform {
  std::string text;  // as written, e.g. "cfg(unix)" or "x86_64-pc-windows-gnu"
  bool is_cfg = false;
  CfgExpr expr;

  // Parse a platform spec. Throws InputError (message without location) when malformed.
  static Platform parse(std::string_view text);
  bool matches(const CfgSet& cfg) const;
};

}  // namespace recipe::model
