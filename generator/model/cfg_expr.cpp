#include "generator/model/cfg_expr.hpp"

#include <cctype>

#include "generator/support/error.hpp"

namespace recipe::model {

namespace {

// Recursive-descent parser over cargo-platform's grammar:
//   expr := "all(" list ")" | "any(" list ")" | "not(" expr ")" | ident [ "=" string ]
class CfgParser {
 public:
  explicit CfgParser(std::string_view text) : m_text(text) {}

  CfgExpr parse_root() {
    CfgExpr expr = parse_expr();
    skip_space();
    if (m_pos != m_text.size()) {
      fail("unexpected \"" + std::string(m_text.substr(m_pos)) + "\"");
    }
    return expr;
  }

 private:
  CfgExpr parse_expr() {
    std::string ident = parse_ident();
    skip_space();
    if (ident == "all" || ident == "any") {
      if (peek() == '(') {
        CfgExpr expr;
        expr.op = ident == "all" ? CfgExpr::Op::all : CfgExpr::Op::any;
        expect('(');
        skip_space();
        while (peek() != ')') {
          expr.children.push_back(parse_expr());
          skip_space();
          if (peek() == ',') {
            ++m_pos;
            skip_space();
          } else if (peek() != ')') {
            fail("expected \",\" or \")\"");
          }
        }
        expect(')');
        return expr;
      }
    }
    if (ident == "not" && peek() == '(') {
      CfgExpr expr;
      expr.op = CfgExpr::Op::not_;
      expect('(');
      expr.children.push_back(parse_expr());
      skip_space();
      expect(')');
      return expr;
    }
    CfgExpr expr;
    expr.key = ident;
    if (peek() == '=') {
      ++m_pos;
      skip_space();
      expr.op = CfgExpr::Op::key_value;
      expr.value = parse_string();
    } else if (ident == "true") {
      expr.op = CfgExpr::Op::literal_true;
    } else if (ident == "false") {
      expr.op = CfgExpr::Op::literal_false;
    }
    return expr;
  }

  std::string parse_ident() {
    skip_space();
    size_t start = m_pos;
    while (m_pos < m_text.size() &&
           (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) != 0 || m_text[m_pos] == '_')) {
      ++m_pos;
    }
    if (start == m_pos) {
      fail("expected an identifier");
    }
    return std::string(m_text.substr(start, m_pos - start));
  }

  std::string parse_string() {
    expect('"');
    size_t end = m_text.find('"', m_pos);
    if (end == std::string_view::npos) {
      fail("unterminated string");
    }
    std::string value(m_text.substr(m_pos, end - m_pos));
    m_pos = end + 1;
    return value;
  }

  void skip_space() {
    while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])) != 0) {
      ++m_pos;
    }
  }
  char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
  void expect(char c) {
    if (peek() != c) {
      fail(std::string("expected \"") + c + "\"");
    }
    ++m_pos;
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw InputError("malformed cfg expression \"" + std::string(m_text) + "\": " + what);
  }

  std::string_view m_text;
  size_t m_pos = 0;
};

}  // namespace

CfgSet CfgSet::parse(std::string_view text, const std::string& triple, const std::string& origin) {
  CfgSet cfg;
  cfg.triple = triple;
  size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      continue;
    }
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      cfg.names.emplace(line);
      continue;
    }
    std::string_view value = line.substr(eq + 1);
    if (value.size() < 2 || value.front() != '"' || value.back() != '"') {
      throw InputError(origin + ":" + std::to_string(line_no) + ": malformed cfg line \"" + std::string(line) +
                       "\" (expected name or name=\"value\")");
    }
    cfg.values.emplace(std::string(line.substr(0, eq)), std::string(value.substr(1, value.size() - 2)));
  }
  return cfg;
}

bool CfgSet::has(const std::string& key, const std::string& value) const {
  return values.contains({key, value});
}

bool CfgExpr::eval(const CfgSet& cfg) const {
  switch (op) {
    case Op::name:
      return cfg.has(key);
    case Op::key_value:
      return cfg.has(key, value);
    case Op::all:
      for (const auto& child : children) {
        if (!child.eval(cfg)) {
          return false;
        }
      }
      return true;
    case Op::any:
      for (const auto& child : children) {
        if (child.eval(cfg)) {
          return true;
        }
      }
      return false;
    case Op::not_:
      return !children.front().eval(cfg);
    case Op::literal_true:
      return true;
    case Op::literal_false:
      return false;
  }
  return false;
}

std::string CfgExpr::to_string() const {
  auto list = [this](const char* name) {
    std::string out = std::string(name) + "(";
    for (size_t i = 0; i < children.size(); ++i) {
      out += (i == 0 ? "" : ", ") + children[i].to_string();
    }
    return out + ")";
  };
  switch (op) {
    case Op::name:
    case Op::literal_true:
    case Op::literal_false:
      return key;
    case Op::key_value:
      return key + " = \"" + value + "\"";
    case Op::all:
      return list("all");
    case Op::any:
      return list("any");
    case Op::not_:
      return list("not");
  }
  return key;
}

Platform Platform::parse(std::string_view text) {
  Platform platform;
  platform.text = std::string(text);
  if (text.starts_with("cfg(") && text.ends_with(")")) {
    platform.is_cfg = true;
    platform.expr = CfgParser(text.substr(4, text.size() - 5)).parse_root();
    return platform;
  }
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_' && c != '-' && c != '.') {
      throw InputError("malformed platform \"" + std::string(text) + "\" (expected a target triple or cfg(...))");
    }
  }
  return platform;
}

bool Platform::matches(const CfgSet& cfg) const {
  return is_cfg ? expr.eval(cfg) : text == cfg.triple;
}

}  // namespace recipe::model
