#include "generator/emit/escape.hpp"

#include <gtest/gtest.h>

#include "generator/emit/recorded_command.hpp"
#include "generator/support/error.hpp"

namespace recipe::emit {
namespace {

TEST(Escape, CommentTextCannotEndItsLine) {
  EXPECT_EQ(comment_text("bin x\nRUN touch /pwned"), "bin x\\nRUN touch /pwned");
  EXPECT_EQ(comment_text(std::string("a\0b\r\x7f", 5)), "a\\x00b\\r\\x7f");
  EXPECT_EQ(comment_text("caf\xc3\xa9 [std,derive]"), "caf\xc3\xa9 [std,derive]");  // UTF-8 kept
}

TEST(Escape, JsonStringEscapesControlCharacters) {
  EXPECT_EQ(json_string("a\nb\"c"), R"("a\nb\"c")");
  EXPECT_EQ(json_string("\xff"), "\"\xef\xbf\xbd\"");  // invalid UTF-8 replaced
}

TEST(Escape, PlainWordRefusesWhatWouldSplitOrEndIt) {
  EXPECT_EQ(plain_word("/recipe/out/bin-app-0.1.0", "folder"), "/recipe/out/bin-app-0.1.0");
  for (const char* bad : {"", "a b", "a\nRUN x", "a\"b", "a\\b", "$HOME", "a\tb"}) {
    EXPECT_THROW(plain_word(bad, "word"), InputError) << bad;
  }
}

TEST(Escape, MountFieldRefusesCommasAndEquals) {
  EXPECT_EQ(mount_field("source", "/recipe/src/app-0.1.0"), "source=/recipe/src/app-0.1.0");
  for (const char* bad : {"x,source=/", "a=b", "a b", "a\nb", "\"x\"", ""}) {
    EXPECT_THROW(mount_field("source", bad), InputError) << bad;
  }
}

TEST(RecordedCommand, ControlCharactersStayOnTheHeaderLine) {
  std::vector<std::string> words = {"cargo-recipe",
                                    "generate",
                                    "--manifest-path",
                                    "a\nRUN touch /pwned/Cargo.toml",
                                    "--features",
                                    "it's",
                                    std::string("nul\0\x01\\", 6)};
  std::string line = quote_command(words);
  EXPECT_EQ(line.find_first_of(std::string("\n\r\0", 3)), std::string::npos) << line;
  EXPECT_NE(line.find("$'a\\x0aRUN touch /pwned/Cargo.toml'"), std::string::npos) << line;
}

}  // namespace
}  // namespace recipe::emit
