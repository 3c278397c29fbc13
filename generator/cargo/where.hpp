#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace recipe::cargo {

// Where an element of an input document is, for messages: `packages[3] (serde 1.0.0): target
// "serde"`. Put into words only when a message is made: readers name the place of every element
// they read, thousands per document, and rarely fail. A place views its parent and the names
// it is given, which must outlive it: places are made on the stack where they are used.
class Where {
 public:
  // A place named by text: "top level", "resolve".
  Where(const char* text) : m_first(text) {}  // implicit: a literal reads as its place
  // `field[index]`, or `parent.field[index]` under a parent.
  Where(std::string_view field, size_t index) : m_form(Form::item), m_first(field), m_index(index) {}
  Where(const Where& parent, std::string_view field, size_t index)
      : m_parent(&parent), m_form(Form::item), m_first(field), m_index(index) {}
  // `parent: kind "name"`: an element inside another.
  Where(const Where& parent, std::string_view kind, std::string_view name)
      : m_parent(&parent), m_form(Form::within), m_first(kind), m_second(name) {}
  // `field[index] (name version)`: a package, once its name and version are known.
  Where(std::string_view field, size_t index, std::string_view name, std::string_view version)
      : m_form(Form::package), m_first(field), m_second(name), m_third(version), m_index(index) {}

  std::string text() const;

 private:
  enum class Form { text, item, within, package };

  const Where* m_parent = nullptr;
  Form m_form = Form::text;
  std::string_view m_first;
  std::string_view m_second;
  std::string_view m_third;
  size_t m_index = 0;
};

}  // namespace recipe::cargo
