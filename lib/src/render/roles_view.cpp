// The roles view: query::roles as one table node.

#include "orgraph/render/roles_view.hpp"

#include <fmt/format.h>

#include "orgraph/query/roles.hpp"
#include "orgraph/render/style.hpp"

namespace orgraph::render {
namespace {

constexpr std::string_view kHeaderFill = "#dfe7f2";
constexpr std::string_view kPossibleFill = "#f3f3f3";
constexpr std::string_view kPossibleText = "#777777";

TableCell cell(Label label, std::string_view background = {}) {
  return {std::move(label), std::string(background)};
}

Label text(std::string s, std::string_view color = {}, double size = kLatinSize) {
  Label l;
  l.lines.push_back({std::move(s), size, std::string(color)});
  return l;
}

}  // namespace

RenderGraph roles_view(const TemporalGraph& g, const RolesViewOptions& o) {
  if (o.subject == kNoEntity || o.subject >= g.entity_count()) {
    throw query_error("the roles view needs an org or a person (--focus)");
  }
  const Entity subject = g.entity(o.subject);
  if (subject.kind != EntityKind::org && subject.kind != EntityKind::person) {
    throw query_error(fmt::format("'{}' is {}; the roles view shows an org or a person",
                                  subject.key, with_article(subject.kind)));
  }
  const bool of_person = subject.kind == EntityKind::person;
  query::RolesOptions q;
  if (of_person) {
    q.person = o.subject;
  } else {
    q.org = o.subject;
  }
  if (o.at) q.at = query_range(*o.at);
  q.certain_only = o.view.certainty == CertaintyFilter::certain_only;
  const std::vector<query::RoleHolding> holdings = query::roles(g, q);

  Table table;
  std::vector<std::string> header{"role", of_person ? "organisation" : "holder", "from", "to"};
  if (o.at) header.emplace_back("certainty");
  header.emplace_back("sources");
  table.rows.emplace_back();
  for (const std::string& h : header) {
    Label l = text(h);
    l.lines.front().emphasis = Emphasis::bold;
    table.rows.back().push_back(cell(std::move(l), kHeaderFill));
  }
  bool possible = false;
  for (const query::RoleHolding& h : holdings) {
    const Relation r = g.relation(h.relation);
    const bool maybe = h.certainty == Certainty::possible;
    possible = possible || maybe;
    const std::string_view fill = maybe ? kPossibleFill : std::string_view();
    const std::string_view ink = maybe ? kPossibleText : std::string_view();
    auto& row = table.rows.emplace_back();
    Label role = role_label(r, o.view.lang);
    Label who = name_label(g.entity(of_person ? h.org : h.person), o.view.lang);
    for (Label* l : {&role, &who}) {
      for (TextLine& line : l->lines) line.color = std::string(ink);
    }
    row.push_back(cell(std::move(role), fill));
    row.push_back(cell(std::move(who), fill));
    row.push_back(cell(text(r.start->text(), ink), fill));
    row.push_back(cell(text(r.end->text(), ink), fill));
    if (o.at) row.push_back(cell(text(maybe ? "possible ?" : "certain", ink), fill));
    std::string sources;
    for (EntityId s : r.sources) {
      if (!sources.empty()) sources += ' ';
      sources += g.entity(s).key;
    }
    row.push_back(cell(text(sources, kDetailColor, kDetailSize), fill));
  }
  if (holdings.empty()) {
    Label none = text(o.at ? "no office held at this date" : "no offices recorded", kDetailColor);
    none.lines.front().emphasis = Emphasis::italic;
    table.rows.push_back({cell(std::move(none))});
    for (std::size_t i = 1; i < header.size(); ++i) table.rows.back().push_back(cell({}));
  }

  RenderGraph rg;
  rg.name = std::string(g.name().empty() ? "roles" : g.name());
  rg.rankdir = o.view.rankdir;
  Node n;
  n.id = std::string(subject.key);
  n.table = std::move(table);
  n.shape = Shape::plaintext;
  rg.nodes.push_back(std::move(n));
  rg.title.lines.push_back({fmt::format("{} {} {}", of_person ? "Offices held by" : "Offices of",
                                        name_text(subject, o.view.lang),
                                        o.at ? "at " + o.at->text() : std::string("over time")),
                            kTitleSize - 2});
  rg.title.lines.push_back({fmt::format("graph {} · {} office{}", g.name(), holdings.size(),
                                        holdings.size() == 1 ? "" : "s"),
                            kLatinSize, std::string(kDetailColor)});
  if (possible) {
    LegendEntry p;
    p.sample = LegendEntry::Sample::node;
    p.text = "grey row: held possibly, not certainly, at this date";
    p.fill = std::string(kPossibleFill);
    p.color = "#999999";
    p.shape = Shape::box;
    rg.legend.push_back(p);
  }
  return rg;
}

}  // namespace orgraph::render
