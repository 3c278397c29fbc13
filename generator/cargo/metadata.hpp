#pragma once

#include <string>

#include "generator/cargo/json_document.hpp"
#include "generator/model/workspace.hpp"

namespace recipe::cargo {

// `cargo metadata --format-version 1` output in two steps: the JSON parsed and its format version
// and workspace root checked, then the model built. Between the two, a caller can start on the
// files the workspace root locates (Cargo.lock, the root manifest) on another thread. `origin`
// names the input in messages (a file name, or "cargo metadata"); both steps throw InputError
// with a one-line message naming `origin` and the offending element. `text` must outlive this.
class MetadataDocument {
 public:
  MetadataDocument(JsonText text, std::string origin);

  const std::string& workspace_root() const { return m_workspace_root; }

  // The validated model; never a partial one.
  model::Workspace workspace() const;

 private:
  JsonDocument m_json;
  std::string m_origin;
  std::string m_workspace_root;
};

// Both steps of MetadataDocument at once.
model::Workspace parse_metadata(JsonText json, const std::string& origin);

}  // namespace recipe::cargo
