#include "generator/cargo/where.hpp"

namespace recipe::cargo {

std::string Where::text() const {
  std::string parent = m_parent != nullptr ? m_parent->text() : std::string();
  switch (m_form) {
    case Form::text:
      return std::string(m_first);
    case Form::item:
      return (parent.empty() ? "" : parent + ".") + std::string(m_first) + "[" + std::to_string(m_index) + "]";
    case Form::within:
      return parent + ": " + std::string(m_first) + " \"" + std::string(m_second) + "\"";
    case Form::package:
      return std::string(m_first) + "[" + std::to_string(m_index) + "] (" + std::string(m_second) + " " +
             std::string(m_third) + ")";
  }
  return parent;
}

}  // namespace recipe::cargo
