#include "json_stream.hpp"

namespace orgraph::app {
namespace {

constexpr std::size_t kBuffer = 1 << 16;

std::string dump(const nlohmann::ordered_json& v) {
  return v.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void JsonStream::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (open_.empty()) return;
  write(open_.back()++ == 0 ? "\n" : ",\n");
  write(indent());
}

void JsonStream::key(std::string_view name) {
  separate();
  write(dump(nlohmann::ordered_json(name)));
  write(": ");
  after_key_ = true;
}

void JsonStream::value(const nlohmann::ordered_json& v) {
  separate();
  // A dump puts new lines only between the parts of a container (strings escape theirs), so
  // indenting after each one nests it at this depth.
  const std::string text = dump(v);
  const std::string nested = "\n" + indent();
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    write(std::string_view(text).substr(start, nl - start));
    write(nested);
    start = nl + 1;
  }
  write(std::string_view(text).substr(start));
  if (open_.empty()) write("\n");
}

void JsonStream::open(char bracket) {
  separate();
  write(std::string_view(&bracket, 1));
  open_.push_back(0);
}

void JsonStream::close(char bracket) {
  const bool empty = open_.back() == 0;
  open_.pop_back();
  if (!empty) {
    write("\n");
    write(indent());
  }
  write(std::string_view(&bracket, 1));
  if (open_.empty()) write("\n");
}

void JsonStream::write(std::string_view text) {
  buffer_ += text;
  if (buffer_.size() >= kBuffer) flush();
}

void JsonStream::flush() {
  if (buffer_.empty()) return;
  std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  buffer_.clear();
}

}  // namespace orgraph::app
