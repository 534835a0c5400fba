// RenderGraph → a fresh cgraph graph → gvLayout(dot) → gvRenderData. Only the attributes set
// here reach Graphviz; every text goes through escape_html into an HTML-like label.

#include "orgraph/render/render.hpp"

#include <gvc.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "detail/graphviz_lock.hpp"
#include "orgraph/date.hpp"
#include "orgraph/io/atomic_file.hpp"
#include "orgraph/render/html_label.hpp"
#include "orgraph/render/style.hpp"

namespace orgraph::render {

std::string_view to_string(Format format) {
  switch (format) {
    case Format::svg:
      return "svg";
    case Format::png:
      return "png";
    case Format::pdf:
      return "pdf";
    case Format::dot:
      return "dot";
    case Format::canon:
      break;
  }
  return "canon";
}

std::optional<Format> parse_format(std::string_view text) {
  if (text == "gv") return Format::dot;
  for (Format f : {Format::svg, Format::png, Format::pdf, Format::dot, Format::canon}) {
    if (to_string(f) == text) return f;
  }
  return std::nullopt;
}

std::optional<Format> format_for_path(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".svg") return Format::svg;
  if (ext == ".png") return Format::png;
  if (ext == ".pdf") return Format::pdf;
  if (ext == ".dot" || ext == ".gv") return Format::dot;
  return std::nullopt;
}

namespace {

// One GVC context for the process, loading the plugins listed in Graphviz's config6 (written by
// `dot -c`, which the graphviz package runs on installation).
GVC_t* context() {
  static std::unique_ptr<GVC_t, decltype(&gvFreeContext)> gvc(gvContext(), &gvFreeContext);
  if (!gvc) throw render_error("Graphviz could not start (gvContext failed)");
  return gvc.get();
}

// Graphviz's error messages during one call, instead of stderr.
std::string& graphviz_errors() {
  static std::string errors;
  return errors;
}

int collect_error(char* message) {
  graphviz_errors() += message;
  return 0;
}

// Installs the collector and hides warnings for one call; restores the previous handler.
class ErrorCapture {
 public:
  ErrorCapture() : previous_(agseterrf(&collect_error)), level_(agseterr(AGERR)) {
    graphviz_errors().clear();
  }
  ~ErrorCapture() {
    agseterrf(previous_);
    agseterr(level_);
  }
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;
  std::string message() const {
    std::string m = graphviz_errors();
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    return m.empty() ? "unknown Graphviz error" : m;
  }

 private:
  agusererrf previous_;
  agerrlevel_t level_;
};

char* c(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* c(const char* s) { return const_cast<char*>(s); }

void set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, c(name), c(value), c(""));
}

// Sets an HTML-like label: cgraph marks HTML strings in its string pool, so the text must be
// interned with agstrdup_html before the attribute takes it.
void set_html(Agraph_t* g, void* obj, const char* name, const std::string& html) {
  char* interned = agstrdup_html(g, c(html));
  agsafeset(obj, c(name), interned, c(""));
  agstrfree(g, interned);
}

std::string number(double v) { return fmt::format("{:g}", v); }

std::string style_words(LineStyle style) {
  switch (style) {
    case LineStyle::dashed:
      return "dashed";
    case LineStyle::dotted:
      return "dotted";
    case LineStyle::bold:
      return "bold";
    case LineStyle::invisible:
      return "invis";
    case LineStyle::solid:
      break;
  }
  return {};
}

std::string join_style(std::initializer_list<std::string> words) {
  std::string out;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (!out.empty()) out += ',';
    out += w;
  }
  return out;
}

// Graphviz's shape for a node: the Shape names are Graphviz's own, except that a rounded box is
// a box (with style=rounded) and an HTML table sits in a plaintext node.
std::string_view shape_name(const Node& node) {
  if (node.table) return "plaintext";
  if (node.shape == Shape::rounded) return "box";
  return to_string(node.shape);
}

std::string cluster_name(const std::string& id) {
  return id.rfind("cluster", 0) == 0 ? id : "cluster_" + id;
}

using GraphPtr = std::unique_ptr<Agraph_t, decltype(&agclose)>;

// The fresh Graphviz graph of a RenderGraph: graph, node and edge defaults first, then nodes,
// clusters, same-rank groups and edges in the order the description holds them.
class Builder {
 public:
  explicit Builder(const RenderGraph& rg) : rg_(rg), g_(nullptr, &agclose) {}

  GraphPtr build() {
    // The graph's name comes from the input file; keep it to a plain identifier.
    std::string name = rg_.name.empty() ? std::string("orgraph") : rg_.name;
    for (char& ch : name) {
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_') ch = '_';
    }
    g_.reset(agopen(c(name), Agdirected, nullptr));
    if (!g_) throw render_error("Graphviz could not create a graph");
    Agraph_t* g = g_.get();
    // Graph attributes. newrank lets rank=same groups and clusters work together.
    set(g, "rankdir", std::string(to_string(rg_.rankdir)));
    set(g, "newrank", "true");
    set(g, "nodesep", number(rg_.nodesep));
    set(g, "ranksep", number(rg_.ranksep));
    set(g, "fontname", "Noto Sans");
    set(g, "bgcolor", "white");
    set(g, "pad", "0.2");
    set(g, "outputorder", "edgesfirst");
    if (uses_clusters_in_edges()) set(g, "compound", "true");
    if (!rg_.title.empty() || !rg_.legend.empty()) {
      set_html(g, g, "label", title_html(rg_));
      set(g, "labelloc", "t");
    }
    // Defaults, declared once (agattr) so that every node and edge carries the same keys.
    agattr(g, AGNODE, c("fontname"), c("Noto Sans"));
    agattr(g, AGNODE, c("fontsize"), c("11"));
    agattr(g, AGNODE, c("margin"), c("0.12,0.05"));
    agattr(g, AGEDGE, c("fontname"), c("Noto Sans"));
    agattr(g, AGEDGE, c("fontsize"), c("9"));
    agattr(g, AGEDGE, c("arrowsize"), c("0.7"));
    for (const Node& n : rg_.nodes) add_node(n);
    for (const Cluster& cl : rg_.clusters) add_cluster(g, cl);
    std::size_t rank = 0;
    for (const auto& group : rg_.same_rank) {
      std::string sub = fmt::format("rank_{}", rank);
      Agraph_t* s = agsubg(g, c(sub), 1);
      set(s, "rank", "same");
      for (const std::string& id : group) {
        agsubnode(s, node(id), 1);
        rank_of_.emplace(id, rank);
      }
      ++rank;
    }
    std::size_t index = 0;
    for (const Edge& e : rg_.edges) add_edge(e, index++);
    return std::move(g_);
  }

 private:
  bool uses_clusters_in_edges() const {
    return std::any_of(rg_.edges.begin(), rg_.edges.end(), [](const Edge& e) {
      return !e.head_cluster.empty() || !e.tail_cluster.empty();
    });
  }

  Agnode_t* node(const std::string& id) {
    Agnode_t* n = agnode(g_.get(), c(id), 0);
    if (!n) throw render_error(fmt::format("diagram refers to an unknown node '{}'", id));
    return n;
  }

  void add_node(const Node& n) {
    if (!seen_.insert(n.id).second) {
      throw render_error(fmt::format("diagram declares node '{}' twice", n.id));
    }
    Agraph_t* g = g_.get();
    Agnode_t* v = agnode(g, c(n.id), 1);
    set(v, "shape", std::string(shape_name(n)));
    if (n.table) {
      set(v, "margin", "0");
      set_html(g, v, "label", table_html(*n.table));
      return;
    }
    set_html(g, v, "label", n.label.empty() ? std::string(" ") : label_html(n.label));
    set(v, "style",
        join_style({n.shape == Shape::rounded ? "rounded" : "", n.fill.empty() ? "" : "filled",
                    style_words(n.border_style)}));
    if (!n.fill.empty()) set(v, "fillcolor", n.fill);
    if (!n.border.empty()) set(v, "color", n.border);
    if (n.penwidth != 1.0) set(v, "penwidth", number(n.penwidth));
    if (n.shape == Shape::point) set(v, "width", "0.05");
  }

  void add_cluster(Agraph_t* parent, const Cluster& cl) {
    Agraph_t* s = agsubg(parent, c(cluster_name(cl.id)), 1);
    // Always set: a subgraph starts with the root graph's values (the title) as defaults.
    if (cl.label.empty()) {
      set(s, "label", "");
    } else {
      set_html(g_.get(), s, "label", label_html(cl.label));
    }
    set(s, "style",
        join_style({"rounded", cl.fill.empty() ? "" : "filled", style_words(cl.style)}));
    if (!cl.fill.empty()) set(s, "fillcolor", cl.fill);
    set(s, "color", cl.border.empty() ? std::string("#888888") : cl.border);
    set(s, "margin", "10");
    for (const std::string& id : cl.nodes) agsubnode(s, node(id), 1);
    for (const Cluster& child : cl.children) add_cluster(s, child);
  }

  void add_edge(const Edge& e, std::size_t index) {
    Agraph_t* g = g_.get();
    // Named edges, so that two relations between one pair stay two edges.
    std::string key = fmt::format("e{}", index);
    Agedge_t* a = agedge(g, node(e.tail), node(e.head), c(key), 1);
    if (!e.label.empty()) {
      // dot's router can corrupt its own memory on labelled edges between nodes of one rank
      // (Graphviz 2.43: "Unable to reclaim box space in spline routing", then a double free
      // in gvFreeLayout); such labels are placed after layout instead (xlabel).
      auto t = rank_of_.find(e.tail), h = rank_of_.find(e.head);
      const bool flat = t != rank_of_.end() && h != rank_of_.end() && t->second == h->second;
      set_html(g, a, flat ? "xlabel" : "label", edge_label_html(e.label));
    }
    const std::string style = style_words(e.style);
    if (!style.empty()) set(a, "style", style);
    if (!e.color.empty()) set(a, "color", e.color);
    if (e.penwidth != 1.0) set(a, "penwidth", number(e.penwidth));
    if (e.arrow != Arrow::forward) set(a, "dir", std::string(to_string(e.arrow)));
    if (e.ranking == Ranking::free) set(a, "constraint", "false");
    if (e.weight != 1) set(a, "weight", std::to_string(e.weight));
    if (!e.head_cluster.empty()) set(a, "lhead", cluster_name(e.head_cluster));
    if (!e.tail_cluster.empty()) set(a, "ltail", cluster_name(e.tail_cluster));
  }

  const RenderGraph& rg_;
  GraphPtr g_;
  std::set<std::string> seen_;
  std::map<std::string, std::size_t> rank_of_;  // node id → its same-rank group
};

// DOT text of a graph before layout, through a memory stream (agwrite writes to a FILE*).
std::string write_canon(Agraph_t* g) {
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* stream = open_memstream(&buffer, &size);
  if (!stream) throw render_error("cannot open a memory stream for DOT output");
  const int rc = agwrite(g, stream);
  std::fclose(stream);
  std::unique_ptr<char, decltype(&std::free)> owned(buffer, &std::free);
  if (rc != 0) throw render_error("Graphviz could not write DOT");
  return std::string(buffer, size);
}

const char* device(Format format) {
  switch (format) {
    case Format::svg:
      return "svg";
    case Format::png:
      return "png:cairo";
    case Format::pdf:
      return "pdf:cairo";
    case Format::dot:
    case Format::canon:
      break;
  }
  return "dot";
}

// Cairo stamps a PDF with the time it was drawn. With SOURCE_DATE_EPOCH set (the reproducible-
// builds convention) the stamps become that time instead, at the same byte length, so the
// cross-reference offsets stay valid and equal inputs give equal bytes.
void stamp_pdf_dates(std::string& pdf) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch == nullptr || *epoch == '\0') return;
  char* end = nullptr;
  const long long seconds = std::strtoll(epoch, &end, 10);
  if (*end != '\0' || seconds < 0) return;
  const Day day = seconds / 86400;
  const long long in_day = seconds % 86400;
  const CivilDate date = civil_from_days(day);
  const std::string stamp = fmt::format("D:{:04}{:02}{:02}{:02}{:02}{:02}", date.year, date.month,
                                        date.day, in_day / 3600, in_day / 60 % 60, in_day % 60);
  for (std::string_view key : {"/CreationDate (", "/ModDate ("}) {
    const std::size_t at = pdf.find(key);
    if (at == std::string::npos) continue;
    const std::size_t from = at + key.size();
    const std::size_t to = pdf.find(')', from);
    if (to == std::string::npos || to - from < stamp.size() || pdf.compare(from, 2, "D:") != 0) {
      continue;
    }
    std::string zone = pdf.substr(from + stamp.size(), to - from - stamp.size());
    if (zone == "Z") {
      // keep
    } else if (!zone.empty() && (zone[0] == '+' || zone[0] == '-')) {
      zone = std::string("+00'00'").substr(0, zone.size());
      zone.resize(to - from - stamp.size(), '\'');
    } else {
      continue;
    }
    pdf.replace(from, to - from, stamp + zone);
  }
}

}  // namespace

std::string render_to_string(const RenderGraph& graph, Format format) {
  std::lock_guard lock(orgraph::detail::graphviz_mutex());
  ErrorCapture errors;
  GVC_t* gvc = context();
  GraphPtr g = Builder(graph).build();
  if (format == Format::canon) return write_canon(g.get());
  if (gvLayout(gvc, g.get(), "dot") != 0) {
    throw render_error("Graphviz layout failed: " + errors.message());
  }
  std::unique_ptr<Agraph_t, std::function<void(Agraph_t*)>> layout(
      g.get(), [gvc](Agraph_t* laid_out) { gvFreeLayout(gvc, laid_out); });
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc, g.get(), device(format), &data, &length);
  std::unique_ptr<char, decltype(&gvFreeRenderData)> owned(data, &gvFreeRenderData);
  if (rc != 0 || data == nullptr) {
    throw render_error(fmt::format("Graphviz could not render {}: {}", format, errors.message()));
  }
  std::string bytes(data, length);
  if (format == Format::pdf) stamp_pdf_dates(bytes);
  return bytes;
}

void render(const RenderGraph& graph, const std::filesystem::path& out, Format format) {
  const std::string bytes = render_to_string(graph, format);
  // Written beside the target, then renamed: a reader never sees half a file.
  try {
    io::write_file_atomically(out, [&](std::ostream& file) {
      file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    });
  } catch (const io::write_error& e) {
    throw render_error(e.what());
  }
}

void render(const RenderGraph& graph, const std::filesystem::path& out) {
  const std::optional<Format> format = format_for_path(out);
  if (!format) {
    throw render_error(fmt::format(
        "cannot tell the format of '{}': use .svg, .png, .pdf, .dot or .gv", out.string()));
  }
  render(graph, out, *format);
}

}  // namespace orgraph::render
