// Reading positions back from rendered SVG (plain text scanning: Graphviz's SVG writer is
// regular) and from laid-out DOT (through cgraph).

#include "orgraph/render/inspect.hpp"

#include <cgraph.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>
#include <memory>
#include <mutex>
#include <set>

#include <fmt/format.h>

#include "detail/graphviz_lock.hpp"
#include "orgraph/render/render.hpp"

namespace orgraph::render {
namespace {

std::string decode_xml(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const std::size_t end = s.find(';', i);
    if (end == std::string_view::npos) {
      out += s[i];
      continue;
    }
    const std::string_view entity = s.substr(i + 1, end - i - 1);
    if (entity == "amp") {
      out += '&';
    } else if (entity == "lt") {
      out += '<';
    } else if (entity == "gt") {
      out += '>';
    } else if (entity == "quot") {
      out += '"';
    } else if (entity == "apos") {
      out += '\'';
    } else if (!entity.empty() && entity[0] == '#') {
      const bool hex = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X');
      const unsigned long cp =
          std::strtoul(std::string(entity.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10);
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    } else {
      out += s.substr(i, end - i + 1);
    }
    i = end;
  }
  return out;
}

// The value of attribute `name` inside one tag's text, or nullopt.
std::optional<std::string_view> attribute(std::string_view tag, std::string_view name) {
  const std::string key = fmt::format(" {}=\"", name);
  const std::size_t at = tag.find(key);
  if (at == std::string_view::npos) return std::nullopt;
  const std::size_t start = at + key.size();
  const std::size_t end = tag.find('"', start);
  if (end == std::string_view::npos) return std::nullopt;
  return tag.substr(start, end - start);
}

double to_double(std::string_view s) { return std::strtod(std::string(s).c_str(), nullptr); }

// Extends a box by every coordinate pair in a points="x,y x,y …" list.
struct Extent {
  double x0 = std::numeric_limits<double>::max(), y0 = x0;
  double x1 = std::numeric_limits<double>::lowest(), y1 = x1;
  void add(double x, double y) {
    x0 = std::min(x0, x), x1 = std::max(x1, x);
    y0 = std::min(y0, y), y1 = std::max(y1, y);
  }
  bool empty() const { return x0 > x1; }
  DrawnBox box(std::string id) const {
    return {std::move(id), (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0};
  }
};

void add_points(Extent& e, std::string_view points) {
  std::size_t i = 0;
  while (i < points.size()) {
    const std::size_t end = std::min(points.find(' ', i), points.size());
    const std::string_view pair = points.substr(i, end - i);
    const std::size_t comma = pair.find(',');
    if (comma != std::string_view::npos) {
      e.add(to_double(pair.substr(0, comma)), to_double(pair.substr(comma + 1)));
    }
    i = end + 1;
  }
}

// The extent of the shapes and texts inside one <g>…</g> group.
Extent group_extent(std::string_view group) {
  Extent e;
  std::size_t at = 0;
  while ((at = group.find('<', at)) != std::string_view::npos) {
    const std::size_t end = group.find('>', at);
    if (end == std::string_view::npos) break;
    const std::string_view tag = group.substr(at, end - at + 1);
    at = end;
    if (tag.rfind("<polygon", 0) == 0 || tag.rfind("<polyline", 0) == 0) {
      if (auto p = attribute(tag, "points")) add_points(e, *p);
    } else if (tag.rfind("<ellipse", 0) == 0) {
      const double cx = to_double(attribute(tag, "cx").value_or("0"));
      const double cy = to_double(attribute(tag, "cy").value_or("0"));
      const double rx = to_double(attribute(tag, "rx").value_or("0"));
      const double ry = to_double(attribute(tag, "ry").value_or("0"));
      e.add(cx - rx, cy - ry);
      e.add(cx + rx, cy + ry);
    } else if (tag.rfind("<text", 0) == 0 || tag.rfind("<path", 0) == 0) {
      if (auto x = attribute(tag, "x"))
        e.add(to_double(*x), to_double(attribute(tag, "y").value_or("0")));
    }
  }
  return e;
}

std::string title_of(std::string_view group) {
  const std::size_t start = group.find("<title>");
  const std::size_t end = group.find("</title>");
  if (start == std::string_view::npos || end == std::string_view::npos || end < start) return {};
  return decode_xml(group.substr(start + 7, end - start - 7));
}

std::optional<std::pair<double, double>> point_attr(void* obj, const char* name) {
  const char* v = agget(obj, const_cast<char*>(name));
  if (v == nullptr || *v == '\0') return std::nullopt;
  double x = 0, y = 0;
  if (std::sscanf(v, "%lf,%lf", &x, &y) != 2) return std::nullopt;
  return std::make_pair(x, y);
}

void collect_clusters(Agraph_t* g, DrawnLayout& out) {
  for (Agraph_t* s = agfstsubg(g); s != nullptr; s = agnxtsubg(s)) {
    const std::string name = agnameof(s);
    if (name.rfind("cluster", 0) == 0) {
      DrawnCluster c;
      c.box.id = name;
      if (const char* bb = agget(s, const_cast<char*>("bb")); bb != nullptr) {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (std::sscanf(bb, "%lf,%lf,%lf,%lf", &x0, &y0, &x1, &y1) == 4) {
          c.box = {name, (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0};
        }
      }
      for (Agnode_t* n = agfstnode(s); n != nullptr; n = agnxtnode(s, n)) {
        c.nodes.emplace_back(agnameof(n));
      }
      std::sort(c.nodes.begin(), c.nodes.end());
      out.clusters.push_back(std::move(c));
    }
    collect_clusters(s, out);
  }
}

}  // namespace

DrawnLayout svg_layout(std::string_view svg) {
  if (svg.find("<svg") == std::string_view::npos) throw render_error("not an SVG document");
  DrawnLayout out;
  std::size_t at = 0;
  while ((at = svg.find("<g id=\"", at)) != std::string_view::npos) {
    const std::size_t tag_end = svg.find('>', at);
    const std::size_t end = svg.find("</g>", at);
    if (tag_end == std::string_view::npos || end == std::string_view::npos) break;
    const std::string_view tag = svg.substr(at, tag_end - at + 1);
    const std::string_view group = svg.substr(tag_end + 1, end - tag_end - 1);
    const std::string_view cls = attribute(tag, "class").value_or("");
    at = tag_end;
    if (cls == "node") {
      const Extent e = group_extent(group);
      if (!e.empty()) out.nodes.push_back(e.box(title_of(group)));
    } else if (cls == "cluster") {
      Extent e;
      const std::size_t poly = group.find("<polygon");
      const std::size_t path = group.find("<path");
      if (poly != std::string_view::npos) {
        const std::string_view p = group.substr(poly, group.find('>', poly) - poly + 1);
        if (auto points = attribute(p, "points")) add_points(e, *points);
      } else if (path != std::string_view::npos) {
        // Rounded clusters are paths "M x,y C …": every number pair bounds the box.
        const std::string_view p = group.substr(path, group.find('>', path) - path + 1);
        std::string d(attribute(p, "d").value_or(""));
        for (char& ch : d) {
          if (ch == 'M' || ch == 'C' || ch == 'L' || ch == 'Z') ch = ' ';
        }
        add_points(e, d);
      }
      DrawnCluster c;
      c.box = e.empty() ? DrawnBox{title_of(group)} : e.box(title_of(group));
      out.clusters.push_back(std::move(c));
    } else if (cls == "edge") {
      const std::string title = title_of(group);
      const std::size_t arrow = title.find("->");
      if (arrow != std::string::npos) {
        out.edges.emplace_back(title.substr(0, arrow), title.substr(arrow + 2));
      }
    }
  }
  for (DrawnCluster& c : out.clusters) {
    for (const DrawnBox& n : out.nodes) {
      if (std::abs(n.x - c.box.x) <= c.box.width / 2 &&
          std::abs(n.y - c.box.y) <= c.box.height / 2) {
        c.nodes.push_back(n.id);
      }
    }
    std::sort(c.nodes.begin(), c.nodes.end());
  }
  return out;
}

DrawnLayout dot_layout(std::string_view dot) {
  std::lock_guard lock(orgraph::detail::graphviz_mutex());
  const std::string text(dot);
  std::unique_ptr<Agraph_t, decltype(&agclose)> g(agmemread(text.c_str()), &agclose);
  if (!g) throw render_error("DOT text does not parse");
  DrawnLayout out;
  for (Agnode_t* n = agfstnode(g.get()); n != nullptr; n = agnxtnode(g.get(), n)) {
    auto pos = point_attr(n, "pos");
    if (!pos)
      throw render_error(fmt::format("node '{}' has no pos: not a laid-out DOT", agnameof(n)));
    const char* w = agget(n, const_cast<char*>("width"));
    const char* h = agget(n, const_cast<char*>("height"));
    out.nodes.push_back({agnameof(n), pos->first, pos->second, w ? 72 * std::strtod(w, nullptr) : 0,
                         h ? 72 * std::strtod(h, nullptr) : 0});
    for (Agedge_t* e = agfstout(g.get(), n); e != nullptr; e = agnxtout(g.get(), e)) {
      out.edges.emplace_back(agnameof(agtail(e)), agnameof(aghead(e)));
    }
  }
  collect_clusters(g.get(), out);
  return out;
}

const DrawnBox* find_node(const DrawnLayout& layout, std::string_view id) {
  auto it = std::find_if(layout.nodes.begin(), layout.nodes.end(),
                         [&](const DrawnBox& b) { return b.id == id; });
  return it == layout.nodes.end() ? nullptr : &*it;
}

const DrawnCluster* find_cluster(const DrawnLayout& layout, std::string_view id) {
  auto it = std::find_if(layout.clusters.begin(), layout.clusters.end(),
                         [&](const DrawnCluster& c) { return c.box.id == id; });
  return it == layout.clusters.end() ? nullptr : &*it;
}

}  // namespace orgraph::render
