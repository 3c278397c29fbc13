#include "generator/emit/helper_file.hpp"

#include "generator/emit/helper_script.hpp"
#include "generator/support/hash.hpp"
#include "generator/support/line_reader.hpp"

namespace recipe::emit {

namespace {

constexpr size_t k_stage_hash_digits = 12;

}  // namespace

std::string Helper::stage() const {
  return std::string(k_helper_stage_prefix) + sha256.substr(0, k_stage_hash_digits);
}

Helper make_helper(std::string text) {
  std::string sha256 = sha256_hex(text);
  return {std::move(text), std::move(sha256)};
}

const Helper& builtin_helper() {
  static const Helper k_helper = make_helper(k_recipe_helper_script);
  return k_helper;
}

std::optional<std::string> copied_helper_hash(std::string_view recipe) {
  const std::string from = "FROM scratch AS " + std::string(k_helper_stage_prefix);
  LineReader lines(recipe);
  std::string_view line;
  while (lines.next(line)) {
    if (line.starts_with(from)) {
      return std::string(line.substr(from.size()));
    }
  }
  return std::nullopt;
}

}  // namespace recipe::emit
