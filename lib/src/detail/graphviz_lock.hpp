#pragma once

// cgraph and gvc keep global state (the lexer, string dictionaries, the error handler, the plugin
// registry): one Graphviz call at a time in the whole process, whether it reads a graph
// (io/dot_reader.cpp) or draws one (render/).

#include <mutex>

namespace orgraph::detail {

// The lock every use of Graphviz takes.
inline std::mutex& graphviz_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace orgraph::detail
