#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace orgraph {

// The base of every exception orgraph throws; catch this at an application's boundary.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown by a query asked something that does not apply to its arguments: the lineage of a
// person, a window whose start is after its end, a bad period. A usage error, not bad data.
class query_error : public error {
 public:
  using error::error;
};

// Thrown by Date::parse for text that is not EDTF orgraph reads. position() is the 0-based byte
// offset where reading stopped, expected() says what would have been valid there.
class date_error : public error {
 public:
  date_error(std::string text, std::size_t position, std::string expected)
      : error("invalid date '" + text + "' at position " + std::to_string(position) +
              ": expected " + expected),
        text_(std::move(text)),
        position_(position),
        expected_(std::move(expected)) {}

  const std::string& text() const noexcept { return text_; }
  std::size_t position() const noexcept { return position_; }
  const std::string& expected() const noexcept { return expected_; }

 private:
  std::string text_;
  std::size_t position_;
  std::string expected_;
};

}  // namespace orgraph
