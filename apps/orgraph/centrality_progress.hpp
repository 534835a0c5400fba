#pragma once

// A progress bar on stderr for long centrality runs: drawn only when stderr is a terminal and
// the work has already taken more than a second, redrawn at most ten times a second, erased
// when the work is done.

#include <chrono>
#include <cstdio>
#include <string>

#include <unistd.h>

#include <fmt/format.h>

namespace orgraph::app {

class ProgressBar {
 public:
  explicit ProgressBar(std::string what)
      : what_(std::move(what)), terminal_(isatty(fileno(stderr)) != 0) {}
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar() { clear(); }

  // Reports `done` of `total`; cheap when nothing is drawn.
  void operator()(std::size_t done, std::size_t total) {
    if (!terminal_ || total == 0) return;
    const auto now = Clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(100)) {
      if (done < total || !drawn_) return;
    }
    last_ = now;
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = kWidth * done / total;
    fmt::print(stderr, "\r{} [{}{}] {:3}% ", what_, std::string(filled, '#'),
               std::string(kWidth - filled, '.'), 100 * done / total);
    std::fflush(stderr);
    drawn_ = true;
  }

  // Erases the bar (before printing results or an error).
  void clear() {
    if (!drawn_) return;
    fmt::print(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::string what_;
  bool terminal_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_{};
};

}  // namespace orgraph::app
