#include "graph_checks.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include "graph_storage.hpp"
#include "orgraph/names.hpp"

namespace orgraph::detail {
namespace {

std::string edge_name(const TemporalGraph& g, const Relation& r) {
  return fmt::format("{} -> {}", g.entity(r.from).key, g.entity(r.to).key);
}

void warn(std::vector<Diagnostic>& out, SourceLocation where, std::string message,
          std::string subject, std::string hint = {}) {
  out.push_back({Severity::warning, std::move(where), std::move(message), std::move(subject),
                 std::move(hint)});
}

// An end of "" or ".." sets no bound: the fact continues.
bool has_end(const Date& end) {
  return !end.empty() &&
         !(end.earliest_limit() == Limit::open && end.latest_limit() == Limit::open);
}

// The days a fact may cover: from its start's earliest day to its end's latest day.
struct Span {
  const Date* start;
  const Date* end;
};

// An entity's lifespan straight from the arrays: building an Entity view for every endpoint of
// every relation would cost more than the check.
Span lifespan_of(const GraphStorage& s, EntityId id) {
  const EntityRecord& e = s.entities[id];
  if (e.date != 0) return {&s.dates[e.date], &s.dates[e.date]};
  return {&s.dates[e.start], &s.dates[e.end]};
}

// Warns when relation `id` certainly lies (partly) outside the lifespan `life` of its endpoint
// `endpoint`. Reads the record and its dates; views are built only for a warning.
void check_lifespan(const TemporalGraph& g, const GraphStorage& s, RelationId id, EntityId endpoint,
                    const Span& life, std::vector<Diagnostic>& out) {
  if (life.start->empty() && !has_end(*life.end)) return;  // unbounded: nothing to be outside of
  const RelationRecord& record = s.relations[id];
  const bool point = record.is_point();
  const Date& start = s.dates[record.start()];
  const Date& end = point ? start : s.dates[record.end()];
  std::string_view problem;  // a format of the relation's date, the key and the entity's date
  const Date* fact = nullptr;
  const Date* bound = nullptr;
  if (!start.empty() && !life.start->empty() &&
      start.widened().latest < life.start->widened().earliest) {
    problem = "begins ({}) before '{}' exists (from {})";
    fact = &start;
    bound = life.start;
  } else if (has_end(end) && !life.start->empty() &&
             end.widened().latest <= life.start->widened().earliest && !point) {
    problem = "ends ({}) before '{}' exists (from {})";
    fact = &end;
    bound = life.start;
  } else if (!start.empty() && has_end(*life.end) &&
             start.widened().earliest > life.end->widened().latest) {
    problem = "begins ({}) after '{}' ended ({})";
    fact = &start;
    bound = life.end;
  } else if (has_end(end) && has_end(*life.end) && !point &&
             end.widened().earliest > life.end->widened().latest) {
    problem = "lasts ({}) beyond the end of '{}' ({})";
    fact = &end;
    bound = life.end;
  }
  if (problem.empty()) return;
  const Relation r = g.relation(id);
  warn(out, r.where(),
       fmt::format(
           "{} {}", r.kind,
           fmt::format(fmt::runtime(problem), fact->text(), g.entity(endpoint).key, bound->text())),
       edge_name(g, r), "check the dates, or the lifespan of the entity");
}

// The days on which a holds relation is certain: [from, until).
struct CertainSpan {
  Day from;
  Day until;
};

// The days on which a holds relation is certain, straight from its dates.
CertainSpan certain_span(const GraphStorage& s, const RelationRecord& r) {
  const Date& start = s.dates[r.start()];
  const Date& end = s.dates[r.end()];
  return {start.empty() ? kOpenEarliest : start.widened().latest,
          has_end(end) ? end.widened().earliest : kOpenLatest};
}

void check_office_holders(const TemporalGraph& g, const GraphStorage& s,
                          std::vector<Diagnostic>& out) {
  // Each holds relation with its office (org and folded title) and certain span, read from
  // the records: a view per relation of a large graph would cost more than the check.
  struct Holding {
    EntityId org;
    std::string_view title;  // folded; the text is held by folded_of
    CertainSpan span;
    RelationId id;
  };
  std::vector<Holding> holdings;
  std::unordered_map<StringId, std::string> folded_of;  // each distinct title folded once
  for (RelationId id = 0; id < s.relations.size(); ++id) {
    const RelationRecord& r = s.relations[id];
    if (r.kind() != RelationKind::holds) continue;
    const RelationExtra& extra = s.relation_extras[r.extra];
    const StringId title = extra.role != 0 ? extra.role : extra.role_en;
    auto folded = folded_of.find(title);
    if (folded == folded_of.end()) {
      folded = folded_of.emplace(title, names::fold(s.str(title))).first;
    }
    holdings.push_back({r.to, folded->second, certain_span(s, r), id});
  }
  std::sort(holdings.begin(), holdings.end(), [](const Holding& a, const Holding& b) {
    return std::tie(a.org, a.title, a.span.from, a.id) <
           std::tie(b.org, b.title, b.span.from, b.id);
  });
  // Per office, sweep in order of start: compare each holder with the earlier one whose
  // certain span reaches furthest.
  for (std::size_t first = 0; first < holdings.size();) {
    std::size_t last = first;
    while (last < holdings.size() && holdings[last].org == holdings[first].org &&
           holdings[last].title == holdings[first].title) {
      ++last;
    }
    const Holding* longest = nullptr;
    for (std::size_t i = first; i < last && last - first >= 2; ++i) {
      const Holding& h = holdings[i];
      if (h.span.from >= h.span.until) continue;  // never certain
      if (longest != nullptr && longest->span.until > h.span.from &&
          s.relations[longest->id].from != s.relations[h.id].from) {
        const Relation r = g.relation(h.id);
        warn(out, r.where(),
             fmt::format("'{}' and '{}' both certainly hold '{}' in '{}' at the same time",
                         g.entity(s.relations[longest->id].from).key, g.entity(r.from).key,
                         r.role.empty() ? r.role_en : r.role, g.entity(r.to).key),
             edge_name(g, r), "if the office has several holders, this is expected");
      }
      if (longest == nullptr || longest->span.until < h.span.until) longest = &h;
    }
    first = last;
  }
}

// Lineage edges oriented from the older entity to the newer one.
std::pair<EntityId, EntityId> older_newer(const Relation& r) {
  if (lineage_points_back(r.kind)) return {r.to, r.from};
  return {r.from, r.to};
}

void check_lineage(const TemporalGraph& g, const GraphStorage& s, std::vector<Diagnostic>& out) {
  // The lineage relations, found from the records (a few in a hundred relations); the graph of
  // their endpoints only, numbered in entity order, for the cycles.
  std::vector<RelationId> lineage_relations;
  std::vector<EntityId> entities;
  for (RelationId id = 0; id < s.relations.size(); ++id) {
    const RelationRecord& r = s.relations[id];
    if (traits(r.kind()).category != Category::lineage) continue;
    lineage_relations.push_back(id);
    entities.push_back(r.from);
    entities.push_back(r.to);
  }
  if (lineage_relations.empty()) return;
  std::sort(entities.begin(), entities.end());
  entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
  auto vertex = [&](EntityId e) {
    return static_cast<std::size_t>(std::lower_bound(entities.begin(), entities.end(), e) -
                                    entities.begin());
  };
  using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Digraph lineage(entities.size());
  for (RelationId id : lineage_relations) {
    const Relation r = g.relation(id);
    auto [older, newer] = older_newer(r);
    boost::add_edge(vertex(older), vertex(newer), lineage);
    const Date& when = *r.start;
    if (when.empty()) continue;
    Entity o = g.entity(older), n = g.entity(newer);
    if (r.kind != RelationKind::founded && !o.start->empty() &&
        o.start->widened().earliest > when.widened().latest) {
      warn(out, r.where(),
           fmt::format("{} on {} runs backwards: '{}' only starts {}", r.kind, when.text(), o.key,
                       o.start->text()),
           edge_name(g, r), "the older side of a lineage event must exist before it");
    } else if (!n.start->empty() && n.start->widened().earliest > when.widened().latest) {
      warn(out, r.where(),
           fmt::format("{} on {} runs backwards: '{}' only starts {}", r.kind, when.text(), n.key,
                       n.start->text()),
           edge_name(g, r), "the newer side of a lineage event must exist by its date");
    } else if (has_end(*n.end) && n.end->widened().latest < when.widened().earliest) {
      warn(out, r.where(),
           fmt::format("{} on {} runs backwards: '{}' ended {}", r.kind, when.text(), n.key,
                       n.end->text()),
           edge_name(g, r), "the newer side of a lineage event must outlive it");
    } else if (!o.start->empty() && !n.start->empty() &&
               o.start->widened().earliest > n.start->widened().latest) {
      warn(out, r.where(),
           fmt::format("{} runs backwards: '{}' ({}) starts after '{}' ({})", r.kind, o.key,
                       o.start->text(), n.key, n.start->text()),
           edge_name(g, r));
    }
  }
  std::vector<int> component(entities.size());
  const int count = boost::strong_components(lineage, component.data());
  std::vector<int> size(static_cast<std::size_t>(count), 0);
  for (int c : component) ++size[static_cast<std::size_t>(c)];
  // The members of each cycle, gathered in one pass (in entity order), not one scan a cycle.
  std::vector<std::vector<EntityId>> members_of(static_cast<std::size_t>(count));
  for (std::size_t v = 0; v < entities.size(); ++v) {
    auto c = static_cast<std::size_t>(component[v]);
    if (size[c] >= 2) members_of[c].push_back(entities[v]);
  }
  std::vector<bool> reported(static_cast<std::size_t>(count), false);
  for (RelationId id : lineage_relations) {
    const Relation r = g.relation(id);
    auto [older, newer] = older_newer(r);
    const int from = component[vertex(older)], to = component[vertex(newer)];
    auto c = static_cast<std::size_t>(from);
    if (from != to || size[c] < 2 || reported[c]) continue;
    reported[c] = true;
    // A cycle through thousands of entities names the first few and counts the rest.
    constexpr std::size_t kNamed = 20;
    const std::vector<EntityId>& cycle = members_of[c];
    std::string members;
    for (std::size_t i = 0; i < std::min(cycle.size(), kNamed); ++i) {
      members += fmt::format("{}{}", i == 0 ? "" : ", ", g.entity(cycle[i]).key);
    }
    if (cycle.size() > kNamed) members += fmt::format(" and {} more", cycle.size() - kNamed);
    warn(out, r.where(), fmt::format("lineage cycle through {}", members), edge_name(g, r),
         "an organisation cannot descend from itself; check the direction of the edges");
  }
}

}  // namespace

void check_lifespans(const TemporalGraph& g, const GraphStorage& s, std::vector<Diagnostic>& out) {
  for (RelationId id = 0; id < g.relation_count(); ++id) {
    const RelationRecord& record = s.relations[id];
    if (traits(record.kind()).category == Category::lineage) continue;
    const Span from = lifespan_of(s, record.from), to = lifespan_of(s, record.to);
    const bool from_bounded = !from.start->empty() || has_end(*from.end);
    const bool to_bounded = !to.start->empty() || has_end(*to.end);
    if (!from_bounded && !to_bounded) continue;
    check_lifespan(g, s, id, record.from, from, out);
    check_lifespan(g, s, id, record.to, to, out);
  }
}

void check_offices_and_lineage(const TemporalGraph& g, const GraphStorage& s,
                               std::vector<Diagnostic>& out) {
  check_office_holders(g, s, out);
  check_lineage(g, s, out);
}

}  // namespace orgraph::detail
