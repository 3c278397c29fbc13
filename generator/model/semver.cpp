#include "generator/model/semver.hpp"

#include <cctype>
#include <charconv>

namespace recipe::model {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
    s.remove_suffix(1);
  }
  return s;
}

std::optional<unsigned long long> parse_number(std::string_view s) {
  unsigned long long value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) {
    return std::nullopt;
  }
  return value;
}

bool is_wildcard(std::string_view s) {
  return s == "*" || s == "x" || s == "X";
}

int compare_pre(const std::string& a, const std::string& b) {
  // A version without pre-release ranks above one with it.
  if (a.empty() || b.empty()) {
    return a.empty() == b.empty() ? 0 : (a.empty() ? 1 : -1);
  }
  std::string_view x = a;
  std::string_view y = b;
  while (!x.empty() && !y.empty()) {
    auto xd = x.find('.');
    auto yd = y.find('.');
    std::string_view xi = x.substr(0, xd);
    std::string_view yi = y.substr(0, yd);
    auto xn = parse_number(xi);
    auto yn = parse_number(yi);
    if (xn && yn) {
      if (*xn != *yn) {
        return *xn < *yn ? -1 : 1;
      }
    } else if (xn || yn) {
      return xn ? -1 : 1;
    } else if (int c = xi.compare(yi); c != 0) {
      return c < 0 ? -1 : 1;
    }
    x = xd == std::string_view::npos ? std::string_view{} : x.substr(xd + 1);
    y = yd == std::string_view::npos ? std::string_view{} : y.substr(yd + 1);
  }
  return x.empty() == y.empty() ? 0 : (x.empty() ? -1 : 1);
}

}  // namespace

std::optional<Version> Version::parse(std::string_view text) {
  text = trim(text);
  if (auto plus = text.find('+'); plus != std::string_view::npos) {
    text = text.substr(0, plus);
  }
  Version v;
  if (auto dash = text.find('-'); dash != std::string_view::npos) {
    v.pre = std::string(text.substr(dash + 1));
    text = text.substr(0, dash);
  }
  auto d1 = text.find('.');
  auto d2 = d1 == std::string_view::npos ? d1 : text.find('.', d1 + 1);
  if (d2 == std::string_view::npos) {
    return std::nullopt;
  }
  auto major = parse_number(text.substr(0, d1));
  auto minor = parse_number(text.substr(d1 + 1, d2 - d1 - 1));
  auto patch = parse_number(text.substr(d2 + 1));
  if (!major || !minor || !patch) {
    return std::nullopt;
  }
  v.major = *major;
  v.minor = *minor;
  v.patch = *patch;
  return v;
}

int Version::compare(const Version& other) const {
  if (major != other.major) {
    return major < other.major ? -1 : 1;
  }
  if (minor != other.minor) {
    return minor < other.minor ? -1 : 1;
  }
  if (patch != other.patch) {
    return patch < other.patch ? -1 : 1;
  }
  return compare_pre(pre, other.pre);
}

std::optional<VersionReq> VersionReq::parse(std::string_view text) {
  VersionReq req;
  text = trim(text);
  if (text.empty() || is_wildcard(text)) {
    return req;  // no comparator: matches every version
  }
  while (!text.empty()) {
    auto comma = text.find(',');
    std::string_view part = trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    Comparator c;
    if (part.starts_with(">=")) {
      c.op = Comparator::Op::greater_eq;
      part.remove_prefix(2);
    } else if (part.starts_with("<=")) {
      c.op = Comparator::Op::less_eq;
      part.remove_prefix(2);
    } else if (part.starts_with(">")) {
      c.op = Comparator::Op::greater;
      part.remove_prefix(1);
    } else if (part.starts_with("<")) {
      c.op = Comparator::Op::less;
      part.remove_prefix(1);
    } else if (part.starts_with("=")) {
      c.op = Comparator::Op::exact;
      part.remove_prefix(1);
    } else if (part.starts_with("~")) {
      c.op = Comparator::Op::tilde;
      part.remove_prefix(1);
    } else if (part.starts_with("^")) {
      part.remove_prefix(1);
    }
    part = trim(part);
    if (auto dash = part.find('-'); dash != std::string_view::npos) {
      c.pre = std::string(part.substr(dash + 1));
      part = part.substr(0, dash);
    }
    if (auto plus = part.find('+'); plus != std::string_view::npos) {
      part = part.substr(0, plus);
    }
    std::vector<std::string_view> pieces;
    while (true) {
      auto dot = part.find('.');
      pieces.push_back(part.substr(0, dot));
      if (dot == std::string_view::npos) {
        break;
      }
      part = part.substr(dot + 1);
    }
    if (pieces.empty() || pieces.size() > 3) {
      return std::nullopt;
    }
    if (is_wildcard(pieces[0])) {
      continue;  // "*" matches anything
    }
    auto major = parse_number(pieces[0]);
    if (!major) {
      return std::nullopt;
    }
    c.major = *major;
    bool wildcard = false;
    if (pieces.size() > 1) {
      if (is_wildcard(pieces[1])) {
        wildcard = true;
      } else if (auto minor = parse_number(pieces[1])) {
        c.minor = *minor;
      } else {
        return std::nullopt;
      }
    }
    if (pieces.size() > 2 && !wildcard) {
      if (is_wildcard(pieces[2])) {
        wildcard = true;
      } else if (auto patch = parse_number(pieces[2])) {
        c.patch = *patch;
      } else {
        return std::nullopt;
      }
    }
    if (wildcard && c.op == Comparator::Op::caret) {
      c.op = Comparator::Op::wildcard;
    }
    req.m_comparators.push_back(c);
  }
  return req;
}

bool VersionReq::matches(const Version& version) const {
  for (const auto& c : m_comparators) {
    if (!c.matches(version)) {
      return false;
    }
  }
  // Pre-releases only match a comparator that names a pre-release of the same x.y.z.
  if (!version.pre.empty()) {
    for (const auto& c : m_comparators) {
      if (!c.pre.empty() && c.major == version.major && c.minor == version.minor && c.patch == version.patch) {
        return true;
      }
    }
    return false;
  }
  return true;
}

bool VersionReq::Comparator::matches(const Version& v) const {
  Version lower{major, minor.value_or(0), patch.value_or(0), pre};
  int cmp = v.compare(lower);
  auto below = [&v](unsigned long long ma, unsigned long long mi, unsigned long long pa) {
    return v.compare(Version{ma, mi, pa, ""}) < 0 && !(v.major == ma && v.minor == mi && v.patch == pa);
  };
  switch (op) {
    case Op::exact:
      return v.major == major && (!minor || v.minor == *minor) && (!patch || (v.patch == *patch && v.pre == pre));
    case Op::greater:
      if (!minor) {
        return v.major > major;
      }
      if (!patch) {
        return v.major > major || (v.major == major && v.minor > *minor);
      }
      return cmp > 0;
    case Op::greater_eq:
      return cmp >= 0;
    case Op::less:
      return cmp < 0;
    case Op::less_eq:
      if (!minor) {
        return v.major <= major;
      }
      if (!patch) {
        return v.major < major || (v.major == major && v.minor <= *minor);
      }
      return cmp <= 0;
    case Op::tilde:
      if (cmp < 0) {
        return false;
      }
      return minor ? below(major, *minor + 1, 0) : below(major + 1, 0, 0);
    case Op::wildcard:
      return v.major == major && (!minor || v.minor == *minor);
    case Op::caret:
      if (cmp < 0) {
        return false;
      }
      if (major > 0 || !minor) {
        return below(major + 1, 0, 0);
      }
      if (*minor > 0 || !patch) {
        return below(0, *minor + 1, 0);
      }
      return below(0, 0, *patch + 1);
  }
  return false;
}

}  // namespace recipe::model
