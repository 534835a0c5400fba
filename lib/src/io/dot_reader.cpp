#include "orgraph/io/dot_reader.hpp"

#include <graphviz/cgraph.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "detail/graphviz_lock.hpp"
#include "orgraph/names.hpp"
#include "orgraph/text.hpp"

namespace orgraph::io {
namespace {

// The state of one agread, reached from cgraph's C callbacks. cgraph's parser is global, so
// one read runs at a time (guarded by the mutex) and the callbacks find it through `current`.
struct ReadState {
  const char* next = nullptr;
  const char* end = nullptr;
  std::uint32_t next_line = 1;           // line at `next`
  std::uint32_t chunk_line = 1;          // line of the chunk cgraph's lexer reads now
  std::uint32_t mention_line = 1;        // line of the last node name the parser resolved
  std::vector<std::uint32_t> node_line;  // by AGSEQ: line of the node's first attribute
  std::vector<std::uint32_t> edge_line;  // by AGSEQ: line of the edge statement
  std::unordered_set<std::uint64_t> node_attributes_seen;  // (seq, sym id) set by a statement
  std::uint64_t edge_seen_seq = 0;
  std::vector<std::pair<int, std::string>> edge_seen;  // (sym id, value) set on that edge
  GraphBuilder* builder = nullptr;
  std::uint32_t file = 0;
  std::string_view name;  // the file's, for diagnostics
  std::string cgraph_messages;
  std::exception_ptr failure;
};

ReadState* current = nullptr;

// Feeds the lexer one line at a time, so that chunk_line is the line being lexed.
int read_line(void* channel, char* buffer, int size) {
  auto* s = static_cast<ReadState*>(channel);
  if (s->next >= s->end || size <= 0) return 0;
  // Look for the end of the line only as far as the buffer reaches: long lines come in pieces.
  const std::size_t available =
      std::min(static_cast<std::size_t>(s->end - s->next), static_cast<std::size_t>(size));
  const void* newline = std::memchr(s->next, '\n', available);
  const std::size_t n =
      newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - s->next) + 1
              : available;
  std::memcpy(buffer, s->next, n);
  s->chunk_line = s->next_line;
  if (s->next[n - 1] == '\n') ++s->next_line;
  s->next += n;
  return static_cast<int>(n);
}

long map_id(void* state, int objtype, char* str, IDTYPE* id, int create) {
  if (objtype == AGNODE && str) current->mention_line = current->chunk_line;
  return AgIdDisc.map(state, objtype, str, id, create);
}

template <typename T>
void grow_to(std::vector<T>& v, std::size_t index) {
  if (v.size() <= index) v.resize(std::max<std::size_t>(index + 1, v.size() * 2), 0);
}

void register_id(void* state, int objtype, void* obj) {
  AgIdDisc.idregister(state, objtype, obj);
  auto seq = static_cast<std::size_t>(AGSEQ(obj));
  if (objtype == AGNODE) {
    grow_to(current->node_line, seq);
    current->node_line[seq] = current->mention_line;
  } else if (objtype == AGOUTEDGE || objtype == AGINEDGE) {
    grow_to(current->edge_line, seq);
    current->edge_line[seq] = current->mention_line;
  }
}

// An attribute was set by a statement: record node attributes as they come (so that a second,
// different value in the same file is seen, not silently overwritten) and repeated edge ones.
void on_update(Agraph_t*, Agobj_t* obj, void*, Agsym_t* sym) {
  ReadState& s = *current;
  if (!sym || s.failure) return;
  try {
    if (AGTYPE(obj) == AGNODE) {
      auto* node = reinterpret_cast<Agnode_t*>(obj);
      auto seq = static_cast<std::uint64_t>(AGSEQ(node));
      if (s.node_attributes_seen.insert(seq << 20 | static_cast<std::uint64_t>(sym->id)).second) {
        grow_to(s.node_line, seq);
        s.node_line[seq] = s.mention_line;
      }
      Attribute a{sym->name, agxget(node, sym)};
      s.builder->add_entity(agnameof(node), {&a, 1}, {s.file, s.mention_line});
    } else if (AGTYPE(obj) == AGOUTEDGE || AGTYPE(obj) == AGINEDGE) {
      auto seq = static_cast<std::uint64_t>(AGSEQ(obj));
      if (seq != s.edge_seen_seq) {
        s.edge_seen_seq = seq;
        s.edge_seen.clear();
      }
      const char* value = agxget(obj, sym);
      auto seen = std::find_if(s.edge_seen.begin(), s.edge_seen.end(),
                               [&](const auto& e) { return e.first == sym->id; });
      if (seen == s.edge_seen.end()) {
        s.edge_seen.emplace_back(sym->id, value);
      } else if (seen->second != value) {
        // cgraph keeps the last value: the first would be lost without a word.
        auto* edge = reinterpret_cast<Agedge_t*>(obj);
        const std::uint32_t line = seq < s.edge_line.size() ? s.edge_line[seq] : s.chunk_line;
        s.builder->add_diagnostic(
            {Severity::error,
             {std::string(s.name), line},
             fmt::format("attribute '{}' is given twice in one edge, as '{}' and as '{}'",
                         sym->name, seen->second, value),
             fmt::format("{} -> {}", agnameof(agtail(edge)), agnameof(aghead(edge))),
             "give each attribute once; several sources are one value: src=\"s1 s2\""});
      }
    }
  } catch (...) {
    s.failure = std::current_exception();
  }
}

Agcbdisc_t callbacks = {
    {nullptr, nullptr, nullptr}, {nullptr, on_update, nullptr}, {nullptr, on_update, nullptr}};

void* open_ids(Agraph_t* g, Agdisc_t* disc) {
  void* state = AgIdDisc.open(g, disc);
  agpushdisc(g, &callbacks, nullptr);
  return state;
}

int collect_message(char* text) {
  if (current) current->cgraph_messages += text;
  return 0;
}

// Reports cgraph's messages ("Error: syntax error in line 3 near '->'") as diagnostics.
void report_cgraph_messages(ReadState& s, std::string_view name) {
  std::string_view all = s.cgraph_messages;
  while (!all.empty()) {
    std::size_t eol = all.find('\n');
    std::string_view line = all.substr(0, eol);
    all = eol == std::string_view::npos ? std::string_view() : all.substr(eol + 1);
    if (line.empty()) continue;
    Severity severity = Severity::error;
    if (line.starts_with("Warning: ")) {
      severity = Severity::warning;
      line.remove_prefix(9);
    } else if (line.starts_with("Error: ")) {
      line.remove_prefix(7);
    }
    std::uint32_t at = s.chunk_line;
    std::string message(line);
    if (std::size_t p = message.find(" in line "); p != std::string::npos) {
      const char* digits = message.data() + p + 9;
      std::uint32_t n = 0;
      auto [rest, ec] = std::from_chars(digits, message.data() + message.size(), n);
      if (ec == std::errc()) {
        at = n;
        message.erase(p, static_cast<std::size_t>(rest - (message.data() + p)));
      }
    }
    s.builder->add_diagnostic({severity, {std::string(name), at}, message, {}, {}});
  }
  s.cgraph_messages.clear();
}

// Hands one parsed graph to the builder: nodes with the attributes no statement set (defaults
// from `node [...]`), bare nodes as mentions, then edges in the order they were written.
void convert(Agraph_t* g, ReadState& s) {
  GraphBuilder& b = *s.builder;
  if (const char* gname = agnameof(g); gname && gname[0] != '%') b.set_name(gname);
  for (Agsym_t* sym = agnxtattr(g, AGRAPH, nullptr); sym; sym = agnxtattr(g, AGRAPH, sym)) {
    const char* value = agxget(g, sym);
    // cgraph keeps no line for graph attributes: diagnostics name the file.
    if (value && *value) b.set_graph_attribute(sym->name, value, {s.file, 0});
  }
  std::vector<Attribute> attributes;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    auto seq = static_cast<std::uint64_t>(AGSEQ(n));
    attributes.clear();
    for (Agsym_t* sym = agnxtattr(g, AGNODE, nullptr); sym; sym = agnxtattr(g, AGNODE, sym)) {
      if (s.node_attributes_seen.contains(seq << 20 | static_cast<std::uint64_t>(sym->id)))
        continue;
      const char* value = agxget(n, sym);
      if (value && *value) attributes.push_back({sym->name, value});
    }
    std::uint32_t line = seq < s.node_line.size() ? s.node_line[seq] : 0;
    b.add_entity(agnameof(n), attributes, {s.file, line});
  }
  std::vector<Agedge_t*> edges;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) edges.push_back(e);
  }
  std::sort(edges.begin(), edges.end(),
            [](Agedge_t* x, Agedge_t* y) { return AGSEQ(x) < AGSEQ(y); });
  std::vector<Agsym_t*> edge_syms;
  for (Agsym_t* sym = agnxtattr(g, AGEDGE, nullptr); sym; sym = agnxtattr(g, AGEDGE, sym)) {
    edge_syms.push_back(sym);
  }
  for (Agedge_t* e : edges) {
    attributes.clear();
    for (Agsym_t* sym : edge_syms) {
      const char* value = agxget(e, sym);
      if (value && *value && std::strcmp(sym->name, "key") != 0) {
        attributes.push_back({sym->name, value});
      }
    }
    auto seq = static_cast<std::size_t>(AGSEQ(e));
    std::uint32_t line = seq < s.edge_line.size() ? s.edge_line[seq] : 0;
    b.add_relation(agnameof(agtail(e)), agnameof(aghead(e)), attributes, {s.file, line});
  }
}

// The line and column of byte `offset` in text.
std::pair<std::uint32_t, std::size_t> line_of(std::string_view text, std::size_t offset) {
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, offset - line_start + 1};
}

// The first input over a limit (a token too long, subgraphs nested too deep), found by a light
// scan of DOT's lexical structure before cgraph sees the text.
struct OverLimit {
  std::uint32_t line;
  std::string message;
  std::string hint;
};

std::optional<OverLimit> find_over_limit(std::string_view t, const DotLimits& limits) {
  std::uint32_t line = 1;
  std::size_t depth = 0;  // braces open: 1 inside a graph, 2 inside a subgraph of it, …
  std::size_t i = 0;
  const std::size_t n = t.size();
  auto too_long = [&](std::size_t from, std::size_t to) {
    return to - from > limits.max_token_bytes;
  };
  auto long_token = [&](std::string_view what, std::size_t bytes, std::uint32_t at) {
    return OverLimit{at,
                     fmt::format("a {} of {} bytes is over the limit of {} bytes", what, bytes,
                                 limits.max_token_bytes),
                     std::string(kTokenLimitHint)};
  };
  while (i < n) {
    const char c = t[i];
    const std::size_t start = i;
    const std::uint32_t start_line = line;
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == '"') {  // quoted string, backslash escapes, may span lines
      for (++i; i < n && t[i] != '"'; ++i) {
        if (t[i] == '\\' && i + 1 < n) ++i;
        if (t[i] == '\n') ++line;
      }
      if (too_long(start, i)) return long_token("quoted string", i - start + 1, start_line);
      ++i;
    } else if (c == '<') {  // HTML-like string: balanced angle brackets
      int angles = 0;
      for (; i < n; ++i) {
        if (t[i] == '<') ++angles;
        if (t[i] == '>' && --angles == 0) break;
        if (t[i] == '\n') ++line;
      }
      if (too_long(start, i)) return long_token("HTML string", i - start + 1, start_line);
      ++i;
    } else if (c == '/' && i + 1 < n && t[i + 1] == '*') {  // block comment, read by line
      std::size_t line_start = i;
      for (i += 2; i + 1 < n && !(t[i] == '*' && t[i + 1] == '/'); ++i) {
        if (t[i] == '\n') {
          if (too_long(line_start, i)) return long_token("comment line", i - line_start, line);
          ++line;
          line_start = i + 1;
        }
      }
      if (too_long(line_start, i)) return long_token("comment line", i - line_start, line);
      i += 2;
    } else if ((c == '/' && i + 1 < n && t[i + 1] == '/') ||
               (c == '#' && (i == 0 || t[i - 1] == '\n'))) {
      while (i < n && t[i] != '\n') ++i;
      if (too_long(start, i)) return long_token("comment line", i - start, start_line);
    } else if (c == '{' || c == '}') {
      // cgraph's parser and its subgraph tree grow with the nesting; a limit keeps both small.
      if (c == '}') {
        if (depth > 0) --depth;
      } else if (++depth > limits.max_nesting + 1) {
        return OverLimit{line,
                         fmt::format("subgraphs nested {} deep are over the limit of {}", depth - 1,
                                     limits.max_nesting),
                         std::string(kNestingLimitHint)};
      }
      ++i;
    } else if (std::string_view(" \t\r[];,=:").find(c) != std::string_view::npos) {
      ++i;
    } else {  // a name, number or edge operator: a run of other bytes
      while (i < n && std::string_view(" \t\r\n[]{};,=:\"<").find(t[i]) == std::string_view::npos) {
        ++i;
      }
      if (too_long(start, i)) return long_token("name", i - start, start_line);
    }
  }
  return std::nullopt;
}

}  // namespace

void read_dot(std::string_view text, std::string_view name, GraphBuilder& builder,
              const DotLimits& limits) {
  const std::uint32_t file = builder.add_file(name);
  auto fail = [&](std::uint32_t line, std::string message, std::string hint = {}) {
    builder.add_diagnostic(
        {Severity::error, {std::string(name), line}, std::move(message), {}, std::move(hint)});
  };
  std::size_t bad = 0;
  if (!names::is_valid_utf8(text, &bad)) {
    auto [line, column] = line_of(text, bad);
    fail(line,
         fmt::format("invalid UTF-8 (byte 0x{:02X} at column {})",
                     static_cast<unsigned char>(text[bad]), column),
         "save the file as UTF-8");
    return;
  }
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    auto [line, column] = line_of(text, nul);
    fail(line, fmt::format("NUL byte at column {}", column), "DOT files are text");
    return;
  }
  // Other control characters (ESC above all) would reach terminals through diagnostics and
  // tables; only the white space characters are text.
  const auto control = std::find_if(text.begin(), text.end(), orgraph::text::is_control_character);
  if (control != text.end()) {
    const auto offset = static_cast<std::size_t>(control - text.begin());
    auto [line, column] = line_of(text, offset);
    fail(line,
         fmt::format("control character 0x{:02X} at column {}",
                     static_cast<unsigned char>(*control), column),
         "DOT files are text: tabs and line breaks are the only control characters allowed");
    return;
  }

  if (auto over = find_over_limit(text, limits)) {
    fail(over->line, std::move(over->message), std::move(over->hint));
    return;
  }

  std::lock_guard lock(detail::graphviz_mutex());
  ReadState state;
  state.next = text.data();
  state.end = text.data() + text.size();
  state.builder = &builder;
  state.file = file;
  state.name = name;
  current = &state;
  Agiddisc_t ids = AgIdDisc;
  ids.open = open_ids;
  ids.map = map_id;
  ids.idregister = register_id;
  Agiodisc_t io = AgIoDisc;
  io.afread = read_line;
  Agdisc_t disc = {&AgMemDisc, &ids, &io};
  agusererrf previous = agseterrf(collect_message);
  agreadline(1);
  agreseterrors();

  int graphs = 0;
  while (true) {
    using Graph = std::unique_ptr<Agraph_t, decltype(&agclose)>;
    Graph g(agread(&state, &disc), &agclose);
    report_cgraph_messages(state, name);
    if (!g) break;
    ++graphs;
    if (!state.failure) {
      try {
        convert(g.get(), state);
      } catch (...) {
        state.failure = std::current_exception();
      }
    }
    state.node_line.clear();
    state.edge_line.clear();
    state.node_attributes_seen.clear();
    state.edge_seen_seq = 0;
    state.edge_seen.clear();
  }
  const bool syntax_errors = agerrors() > 0;
  agseterrf(previous);
  current = nullptr;
  if (state.failure) std::rethrow_exception(state.failure);
  if (graphs == 0 && !syntax_errors) {
    fail(0, "no graph in file", "a graph file holds `digraph NAME { … }`");
  }
}

}  // namespace orgraph::io
