#include "generator/cargo/toml_document.hpp"

#include <filesystem>
#include <functional>
#include <fstream>

#include <gtest/gtest.h>

#include "generator/cargo/lockfile.hpp"
#include "generator/cargo/manifest.hpp"
#include "generator/cargo/toolchain.hpp"
#include "generator/hints/read_hints.hpp"
#include "generator/support/error.hpp"

namespace recipe::cargo {
namespace {

// Bytes on which toml++ 3.3.0 reaches __builtin_unreachable (undefined behaviour).
const std::string k_unreachable("\xef\xbb\xbe\x0f\x00\x00\x42\x00\x00\x00\x00\x00\x00\x00\x0f", 15);

std::string error_of(std::string_view text) {
  try {
    parse_toml(text, "x.toml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(TomlDocument, BytesThatSendTomlppIntoUndefinedBehaviourAreRefusedFirst) {
  EXPECT_EQ(error_of(k_unreachable),
            "x.toml:1:4: invalid TOML: control character 15 (TOML allows only tab, line feed and carriage return)");
}

TEST(TomlDocument, ADotAfterATableBracketIsASyntaxError) {
  std::string message = error_of("[.");
  EXPECT_TRUE(message.starts_with("x.toml:1:") && message.find(": invalid TOML: ") != std::string::npos) << message;
}

TEST(TomlDocument, AMessageOfTomlppThatQuotesANewlineStaysOneLine) {
  // toml++ 3.3.0 says "expected 'true', saw 'tru<newline>'" here.
  EXPECT_EQ(error_of("a = tru\n"),
            "x.toml:1:8: invalid TOML: Error while parsing boolean: expected 'true', saw 'tru\\n'");
}

TEST(TomlDocument, TextThatIsNotUtf8IsRefusedWithItsPlace) {
  EXPECT_EQ(error_of("a = \"\xC3\x28\""), "x.toml:1:6: invalid TOML: not UTF-8 (byte 195)");
  EXPECT_EQ(error_of("a = 1\nb = \"\xC0\xAF\""), "x.toml:2:6: invalid TOML: not UTF-8 (byte 192)");   // overlong
  EXPECT_EQ(error_of("a = \"\xED\xA0\x80\""), "x.toml:1:6: invalid TOML: not UTF-8 (byte 237)");      // surrogate
  EXPECT_EQ(error_of("a = \"\xF4\x90\x80\x80\""), "x.toml:1:6: invalid TOML: not UTF-8 (byte 244)");  // > U+10FFFF
  EXPECT_EQ(error_of("a = \"\xE2\x82\""), "x.toml:1:6: invalid TOML: not UTF-8 (byte 226)");          // cut short
  EXPECT_EQ(error_of(std::string("a = 1\0", 6)).substr(0, 40), "x.toml:1:6: invalid TOML: control charac");
  EXPECT_EQ(error_of("a = 1 # \x7F").substr(0, 40), "x.toml:1:9: invalid TOML: control charac");
}

TEST(TomlDocument, WhatTomlAllowsStillParses) {
  toml::table doc = parse_toml(
      "\xEF\xBB\xBF"
      "a = \"\xC3\xA9\xE2\x82\xAC\xF0\x9F\xA6\x80\"\r\nb\t= 2 # \xE2\x9C\x93\n",
      "x.toml");
  EXPECT_EQ(doc["a"].value_or(std::string()), "\xC3\xA9\xE2\x82\xAC\xF0\x9F\xA6\x80");
  EXPECT_EQ(doc["b"].value_or(0), 2);
}

TEST(TomlDocument, UnicodeWhereTomlppSkipsWhitespaceIsReadAsTomlSays) {
  // toml++ 3.3.0 as shipped reaches __builtin_unreachable on these code points (U+048C, U+00E9)
  // wherever it skips whitespace; toml_implementation.cpp replaces that lookup.
  EXPECT_EQ(error_of("vessio\xD2\x8Cys = 1\n").substr(0, 26), "x.toml:1:7: invalid TOML: ");
  toml::table doc = parse_toml("a = \"\"\"x \\\n  \xC3\xA9\"\"\"\n", "y.toml");
  EXPECT_EQ(doc["a"].value_or(std::string()), "x \xC3\xA9");
}

TEST(TomlDocument, EveryTomlReaderChecksItsBytesFirst) {
  auto refuses = [](const std::function<void()>& read) {
    try {
      read();
    } catch (const InputError& e) {
      return std::string(e.what()).find("invalid TOML: control character 15") != std::string::npos;
    }
    return false;
  };
  EXPECT_TRUE(refuses([] { parse_lockfile(k_unreachable, "Cargo.lock"); }));
  EXPECT_TRUE(refuses([] { parse_root_manifest(k_unreachable, "Cargo.toml"); }));
  EXPECT_TRUE(refuses([] { hints::read_hints_file(k_unreachable, "hints.toml", "hints file"); }));
  EXPECT_TRUE(refuses([] { parse_toolchain_file(k_unreachable, "toolchain.toml"); }));
}

}  // namespace
}  // namespace recipe::cargo
