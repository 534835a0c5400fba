#include "graph_checks.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include "detail/side_by_side.hpp"
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

Span span_of(const Relation& r) {
  return r.is_point ? Span{r.start, r.start} : Span{r.start, r.end};
}

// Warns when relation r certainly lies (partly) outside the lifespan of entity e.
void check_lifespan(const TemporalGraph& g, const Relation& r, EntityId endpoint, const Span& life,
                    std::vector<Diagnostic>& out) {
  if (life.start->empty() && !has_end(*life.end)) return;  // unbounded: nothing to be outside of
  const std::string_view key = g.entity(endpoint).key;
  const Span fact = span_of(r);
  const bool point = r.is_point;
  std::string problem;
  if (!fact.start->empty() && !life.start->empty() &&
      fact.start->widened().latest < life.start->widened().earliest) {
    problem = fmt::format("begins ({}) before '{}' exists (from {})", fact.start->text(), key,
                          life.start->text());
  } else if (has_end(*fact.end) && !life.start->empty() &&
             fact.end->widened().latest <= life.start->widened().earliest && !point) {
    problem = fmt::format("ends ({}) before '{}' exists (from {})", fact.end->text(), key,
                          life.start->text());
  } else if (!fact.start->empty() && has_end(*life.end) &&
             fact.start->widened().earliest > life.end->widened().latest) {
    problem =
        fmt::format("begins ({}) after '{}' ended ({})", fact.start->text(), key, life.end->text());
  } else if (has_end(*fact.end) && has_end(*life.end) && !point &&
             fact.end->widened().earliest > life.end->widened().latest) {
    problem = fmt::format("lasts ({}) beyond the end of '{}' ({})", fact.end->text(), key,
                          life.end->text());
  }
  if (!problem.empty()) {
    warn(out, r.where(), fmt::format("{} {}", r.kind, problem), edge_name(g, r),
         "check the dates, or the lifespan of the entity");
  }
}

// The days on which a holds relation is certain: [from, until).
struct CertainSpan {
  Day from;
  Day until;
};

CertainSpan certain_span(const Relation& r) {
  Day from = r.start->empty() ? kOpenEarliest : r.start->widened().latest;
  Day until = has_end(*r.end) ? r.end->widened().earliest : kOpenLatest;
  return {from, until};
}

void check_office_holders(const TemporalGraph& g, std::vector<Diagnostic>& out) {
  // Group holds relations by office (org and folded role).
  std::map<std::pair<EntityId, std::string>, std::vector<RelationId>> offices;
  std::unordered_map<std::string_view, std::string> folded;  // each distinct title folded once
  for (RelationId id = 0; id < g.relation_count(); ++id) {
    Relation r = g.relation(id);
    if (r.kind != RelationKind::holds) continue;
    const std::string_view title = r.role.empty() ? r.role_en : r.role;
    auto it = folded.find(title);
    if (it == folded.end()) it = folded.emplace(title, names::fold(title)).first;
    offices[{r.to, it->second}].push_back(id);
  }
  for (auto& [office, ids] : offices) {
    if (ids.size() < 2) continue;
    std::sort(ids.begin(), ids.end(), [&](RelationId a, RelationId b) {
      return certain_span(g.relation(a)).from < certain_span(g.relation(b)).from;
    });
    // Sweep: compare each holder with the earlier one whose certain span reaches furthest.
    std::optional<RelationId> longest;
    for (RelationId id : ids) {
      Relation r = g.relation(id);
      CertainSpan s = certain_span(r);
      if (s.from >= s.until) continue;  // never certain
      if (longest) {
        Relation l = g.relation(*longest);
        if (l.from != r.from && certain_span(l).until > s.from) {
          warn(out, r.where(),
               fmt::format("'{}' and '{}' both certainly hold '{}' in '{}' at the same time",
                           g.entity(l.from).key, g.entity(r.from).key,
                           r.role.empty() ? r.role_en : r.role, g.entity(r.to).key),
               edge_name(g, r), "if the office has several holders, this is expected");
        }
      }
      if (!longest || certain_span(g.relation(*longest)).until < s.until) longest = id;
    }
  }
}

// Lineage edges oriented from the older entity to the newer one.
std::pair<EntityId, EntityId> older_newer(const Relation& r) {
  if (lineage_points_back(r.kind)) return {r.to, r.from};
  return {r.from, r.to};
}

void check_lineage(const TemporalGraph& g, std::vector<Diagnostic>& out) {
  using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Digraph lineage(g.entity_count());
  std::vector<RelationId> lineage_relations;
  for (RelationId id = 0; id < g.relation_count(); ++id) {
    Relation r = g.relation(id);
    if (traits(r.kind).category != Category::lineage) continue;
    lineage_relations.push_back(id);
    auto [older, newer] = older_newer(r);
    boost::add_edge(older, newer, lineage);
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
  if (lineage_relations.empty()) return;
  std::vector<int> component(g.entity_count());
  int count = boost::strong_components(lineage, component.data());
  std::vector<int> size(static_cast<std::size_t>(count), 0);
  for (int c : component) ++size[static_cast<std::size_t>(c)];
  // The members of each cycle, gathered in one pass (in entity order), not one scan a cycle.
  std::vector<std::vector<EntityId>> members_of(static_cast<std::size_t>(count));
  for (EntityId v = 0; v < g.entity_count(); ++v) {
    auto c = static_cast<std::size_t>(component[v]);
    if (size[c] >= 2) members_of[c].push_back(v);
  }
  std::vector<bool> reported(static_cast<std::size_t>(count), false);
  for (RelationId id : lineage_relations) {
    Relation r = g.relation(id);
    auto [older, newer] = older_newer(r);
    auto c = static_cast<std::size_t>(component[older]);
    if (component[older] != component[newer] || size[c] < 2 || reported[c]) continue;
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

void check_consistency(const TemporalGraph& g, const GraphStorage& s,
                       std::vector<Diagnostic>& out) {
  // The lifespan checks in one thread, the offices and lineage in another on large graphs;
  // their diagnostics in the same order either way.
  std::vector<Diagnostic> lifespans, others;
  side_by_side(
      g.relation_count() >= kParallelRelations,
      [&] {
        for (RelationId id = 0; id < g.relation_count(); ++id) {
          const RelationRecord& record = s.relations[id];
          if (traits(record.kind()).category == Category::lineage) continue;
          const Span from = lifespan_of(s, record.from), to = lifespan_of(s, record.to);
          const bool from_bounded = !from.start->empty() || has_end(*from.end);
          const bool to_bounded = !to.start->empty() || has_end(*to.end);
          if (!from_bounded && !to_bounded) continue;
          const Relation r = g.relation(id);
          check_lifespan(g, r, r.from, from, lifespans);
          check_lifespan(g, r, r.to, to, lifespans);
        }
      },
      [&] {
        check_office_holders(g, others);
        check_lineage(g, others);
      });
  for (std::vector<Diagnostic>* part : {&lifespans, &others}) {
    out.insert(out.end(), std::make_move_iterator(part->begin()),
               std::make_move_iterator(part->end()));
  }
}

}  // namespace orgraph::detail
