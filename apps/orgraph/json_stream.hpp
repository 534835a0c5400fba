#pragma once

// JSON written as it is made: the bytes print_json() gives for the whole document (two-space
// indentation, UTF-8 kept, invalid UTF-8 replaced), without holding the document in memory.

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace orgraph::app {

// Writes one JSON document to a C stream, container by container: begin_object() / key() /
// value() / end_object(), and likewise for arrays. Small values (an entity, a row) are given
// whole and indented to their depth. Ends the document with a newline, as print_json does.
// Movable, not copyable.
class JsonStream {
 public:
  explicit JsonStream(std::FILE* out = stdout) : out_(out) {}
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;
  JsonStream(JsonStream&&) = default;
  JsonStream& operator=(JsonStream&&) = default;
  ~JsonStream() { flush(); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The key of the next member of the current object.
  void key(std::string_view name);
  // A whole value: a member's (after key()), an array's element, or the document.
  void value(const nlohmann::ordered_json& v);
  // A member with its value: key(name) then value(v).
  void member(std::string_view name, const nlohmann::ordered_json& v) {
    key(name);
    value(v);
  }
  // Writes what is buffered.
  void flush();

 private:
  void open(char bracket);
  void close(char bracket);
  // Before a value or key: a comma and a new line in a container, as nlohmann's dump does.
  void separate();
  void write(std::string_view text);
  std::string indent() const { return std::string(2 * open_.size(), ' '); }

  std::FILE* out_;
  std::string buffer_;
  std::vector<std::size_t> open_;  // per open container, the members or elements so far
  bool after_key_ = false;
};

}  // namespace orgraph::app
