#include "generator/cargo/json_document.hpp"

#include <gtest/gtest.h>

#include "generator/support/error.hpp"

namespace recipe::cargo {
namespace {

std::string error_of(std::string_view text) {
  try {
    parse_json(text, "x.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string nested(size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

TEST(JsonDocument, ARepeatedKeyKeepsItsLastValue) {
  nlohmann::json doc = parse_json(R"({"a": 1, "b": 2, "a": 3})", "x.json");
  EXPECT_EQ(doc.size(), 2u);
  EXPECT_EQ(doc["a"], 3);
}

TEST(JsonDocument, AnIntegerBeyond64BitsReadsAsAFloatingPointNumber) {
  nlohmann::json doc = parse_json(R"({"big": 18446744073709551616, "max": 18446744073709551615})", "x.json");
  EXPECT_TRUE(doc["big"].is_number_float());
  EXPECT_TRUE(doc["max"].is_number_unsigned());
  EXPECT_EQ(doc["max"].get<uint64_t>(), UINT64_MAX);
}

TEST(JsonDocument, AnEscapedNulIsKeptInTheString) {
  nlohmann::json doc = parse_json(R"(["a\u0000b"])", "x.json");
  EXPECT_EQ(doc[0].get<std::string>(), std::string("a\0b", 3));
}

TEST(JsonDocument, RawControlCharactersInvalidUtf8AndTrailingBytesAreSyntaxErrors) {
  auto located_syntax_error = [](const std::string& message, const std::string& place) {
    return message.starts_with("x.json:" + place) && message.find(": invalid JSON: ") != std::string::npos;
  };
  EXPECT_PRED2(located_syntax_error, error_of(std::string("[\"a\nb\"]")), "1:4:");
  EXPECT_PRED2(located_syntax_error, error_of(std::string("[1]\0", 4)), "1:4:");
  EXPECT_PRED2(located_syntax_error, error_of("[\"\xC3\x28\"]"), "1:");
  EXPECT_PRED2(located_syntax_error, error_of("{\n  \"a\": tru\n}"), "2:");
}

TEST(JsonDocument, NestingUpToTheLimitParsesAndOneLevelMoreIsRefusedWhereItStarts) {
  EXPECT_NO_THROW(parse_json(nested(k_max_json_depth), "x.json"));
  EXPECT_EQ(error_of(nested(k_max_json_depth + 1)),
            "x.json:1:257: JSON nested deeper than 256 levels (cargo writes far fewer)");
  // Brackets inside strings, escaped quotes included, are not nesting.
  std::string in_strings = "[\"\\\"" + std::string(1000, '[') + "\", {\"{{{{\": 1}]";
  EXPECT_NO_THROW(parse_json(in_strings, "x.json"));
}

TEST(JsonDocument, AHundredThousandLevelsAreAnInputErrorNotACrash) {
  std::string deep = "{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_EQ(error_of(deep), "x.json:1:261: JSON nested deeper than 256 levels (cargo writes far fewer)");
  EXPECT_NE(error_of("\n" + std::string(100000, '{')).find("x.json:2:257: JSON nested deeper"), std::string::npos);
}

}  // namespace
}  // namespace recipe::cargo
