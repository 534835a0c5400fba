// The Graphviz back end on hand-built diagrams and on a graph file carrying Graphviz styling:
// formats, escaping, what reaches Graphviz, determinism, and output files.
//
//   a ──"x & <y>"──▶ b
//   cluster "box" { c }
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "orgraph/graph_builder.hpp"
#include "orgraph/io/dot_reader.hpp"
#include "orgraph/render/html_label.hpp"
#include "orgraph/render/inspect.hpp"
#include "orgraph/render/lineage_view.hpp"
#include "orgraph/render/render.hpp"
#include "orgraph/render/snapshot_view.hpp"

// Graphviz 2.43, pango, fontconfig and glib lose memory of their own (HTML label parsing, the
// plugin configuration, font caches) that no API frees: LeakSanitizer (the asan preset) ignores
// leaks allocated inside those libraries. Without AddressSanitizer nothing calls this.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\nleak:libgvplugin_\nleak:libpango\nleak:libfontconfig\n"
         "leak:libglib\nleak:libgobject\nleak:libcairo\nleak:libharfbuzz\nleak:libfreetype\n";
}

namespace orgraph::render {
namespace {

RenderGraph small_diagram() {
  RenderGraph rg;
  rg.name = "small";
  rg.title.lines.push_back({"Title <b>&amp; \"quoted\" 'single'", 14});
  Node a{.id = "a"}, b{.id = "b"}, c{.id = "c"};
  a.label.lines.push_back({"لجان المدن"});
  a.label.lines.push_back({"<IMG SRC=\"/etc/passwd\"/>"});
  b.label.lines.push_back({"B"});
  c.label.lines.push_back({"C"});
  rg.nodes = {a, b, c};
  Edge e{.tail = "a", .head = "b"};
  e.label.lines.push_back({"x & <y>"});
  e.style = LineStyle::dashed;
  rg.edges.push_back(e);
  Cluster box{.id = "box"};
  box.nodes = {"c"};
  rg.clusters.push_back(box);
  rg.legend.push_back({.sample = LegendEntry::Sample::edge, .text = "dashed <edge>"});
  return rg;
}

std::string read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TemporalGraph graph_from(std::string_view dot, std::vector<Diagnostic>* warnings = nullptr) {
  GraphBuilder builder;
  io::read_dot(dot, "inline.gv", builder);
  BuildOptions options;
  if (warnings != nullptr)
    options.on_warning = [&](const Diagnostic& d) { warnings->push_back(d); };
  return builder.build(options);
}

}  // namespace

TEST_CASE("escape_html turns every markup character into an entity") {
  CHECK(escape_html(R"(a & <b> "c" 'd')") == "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;");
  CHECK(escape_html("line\nbreak\x01") == "line break ");
  CHECK(escape_html("لجان المدن") == "لجان المدن");
}

TEST_CASE("formats: names, extensions") {
  CHECK(format_for_path("x/out.svg") == Format::svg);
  CHECK(format_for_path("out.png") == Format::png);
  CHECK(format_for_path("out.pdf") == Format::pdf);
  CHECK(format_for_path("out.dot") == Format::dot);
  CHECK(format_for_path("out.gv") == Format::dot);
  CHECK_FALSE(format_for_path("out.jpg").has_value());
  CHECK(parse_format("canon") == Format::canon);
  CHECK(parse_format("gv") == Format::dot);
  CHECK_FALSE(parse_format("jpeg").has_value());
  CHECK(parse_rankdir("tb") == RankDir::tb);
  CHECK(to_string(RankDir::lr) == "LR");
  CHECK(parse_lang("ar") == Lang::ar);
}

TEST_CASE("data text reaches Graphviz only escaped, inside HTML-like labels") {
  const RenderGraph rg = small_diagram();
  const std::string canon = render_to_string(rg, Format::canon);
  SUBCASE("the DOT handed to Graphviz") {
    CHECK(canon.find("&lt;IMG SRC=&quot;/etc/passwd&quot;/&gt;") != std::string::npos);
    CHECK(canon.find("<IMG") == std::string::npos);
    CHECK(canon.find("x &amp; &lt;y&gt;") != std::string::npos);
    CHECK(canon.find("&lt;b&gt;&amp;amp; &quot;quoted&quot; &#39;single&#39;") !=
          std::string::npos);
    CHECK(canon.find("dashed &lt;edge&gt;") != std::string::npos);
    CHECK(canon.find("subgraph cluster_box") != std::string::npos);
  }
  SUBCASE("the SVG shows the text as written") {
    const std::string svg = render_to_string(rg, Format::svg);
    CHECK(svg.find("&lt;IMG SRC=&quot;/etc/passwd&quot;/&gt;") != std::string::npos);
    CHECK(svg.find("<image") == std::string::npos);
    CHECK(svg.find(">لجان المدن</text>") != std::string::npos);
    CHECK(svg.find("font-family=\"Noto Naskh Arabic\"") != std::string::npos);
  }
}

TEST_CASE("Graphviz styling in an input file never reaches the drawing") {
  // Every attribute here that is not orgraph's would change the picture if passed through.
  constexpr std::string_view kStyled = R"(digraph styled {
    old [kind=org name="Old" start=2011 color=red image="/etc/passwd" shapefile="/etc/shadow"
         fontpath="/tmp" URL="http://example.com/x" label=<<B>raw</B>>]
    new [kind=org name="New" start=2012 imagepath="/var" style=invis]
    new -> old [rel=split_from date=2012 penwidth=9 color=blue href="http://example.com/y"]
  })";
  std::vector<Diagnostic> warnings;
  const TemporalGraph g = graph_from(kStyled, &warnings);
  CHECK(warnings.size() >= 9);  // one per foreign attribute: the loader names each
  const RenderGraph rg = lineage_view(g, {});
  for (Format f : {Format::canon, Format::dot, Format::svg}) {
    CAPTURE(f);
    const std::string out = render_to_string(rg, f);
    for (std::string_view banned : {"passwd", "shadow", "example.com", "imagepath", "fontpath",
                                    "shapefile", "<B>raw", "penwidth=9", "URL", "href", "<image"}) {
      CAPTURE(banned);
      CHECK(out.find(banned) == std::string::npos);
    }
  }
}

TEST_CASE("equal diagrams give equal bytes") {
  const RenderGraph rg = small_diagram();
  for (Format f : {Format::svg, Format::dot, Format::canon, Format::png}) {
    CAPTURE(f);
    CHECK(render_to_string(rg, f) == render_to_string(rg, f));
  }
}

TEST_CASE("PNG and PDF are produced and valid") {
  const RenderGraph rg = small_diagram();
  const std::string png = render_to_string(rg, Format::png);
  REQUIRE(png.size() > 1000);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  CHECK(png.find("IEND") != std::string::npos);
  const std::string pdf = render_to_string(rg, Format::pdf);
  REQUIRE(pdf.size() > 1000);
  CHECK(pdf.compare(0, 5, "%PDF-") == 0);
  CHECK(pdf.find("%%EOF") != std::string::npos);
  CHECK(pdf.find("NotoNaskhArabic") != std::string::npos);  // the Arabic font is embedded
}

TEST_CASE("render writes the file through a temporary and reports unwritable paths") {
  const auto dir = std::filesystem::temp_directory_path() / "orgraph_render_test";
  std::filesystem::create_directories(dir);
  const RenderGraph rg = small_diagram();
  SUBCASE("by extension") {
    render(rg, dir / "out.svg");
    CHECK(read_bytes(dir / "out.svg") == render_to_string(rg, Format::svg));
    CHECK_FALSE(std::filesystem::exists(dir / "out.svg.tmp"));
  }
  SUBCASE("an unknown extension") { CHECK_THROWS_AS(render(rg, dir / "out.jpeg"), render_error); }
  SUBCASE("a missing directory") {
    CHECK_THROWS_AS(render(rg, dir / "no/such/dir/out.svg", Format::svg), render_error);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("a diagram naming an unknown node is refused") {
  RenderGraph rg = small_diagram();
  rg.edges.push_back({.tail = "a", .head = "nowhere"});
  CHECK_THROWS_AS(render_to_string(rg, Format::svg), render_error);
}

TEST_CASE("svg_layout and dot_layout read back the same structure") {
  const RenderGraph rg = small_diagram();
  const DrawnLayout svg = svg_layout(render_to_string(rg, Format::svg));
  const DrawnLayout dot = dot_layout(render_to_string(rg, Format::dot));
  for (const DrawnLayout* l : {&svg, &dot}) {
    REQUIRE(l->nodes.size() == 3);
    CHECK(find_node(*l, "a") != nullptr);
    REQUIRE(l->edges.size() == 1);
    CHECK(l->edges[0] == std::pair<std::string, std::string>("a", "b"));
    const DrawnCluster* box = find_cluster(*l, "cluster_box");
    REQUIRE(box != nullptr);
    CHECK(box->nodes == std::vector<std::string>{"c"});
  }
  CHECK_THROWS_AS(svg_layout("not svg"), render_error);
  CHECK_THROWS_AS(dot_layout(render_to_string(rg, Format::canon)), render_error);  // no layout
}

}  // namespace orgraph::render
