// snapshot_changes: a series of snapshots as the changes from one step to the next
// (orgraph/query/snapshot.hpp).

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

#include "graph_storage.hpp"
#include "query/snapshot_filter.hpp"

namespace orgraph::query {
namespace {

using detail::Day32;
using detail::TimeSpan32;

enum class Status : std::uint8_t { absent, possible, certain };

// Which step a day falls at: for a day, the first step that begins (or ends) on it or later.
// A table over the days of the series answers in O(1); a series spanning more days than
// kMaxTableDays is answered by binary search instead.
class StepIndex {
 public:
  static constexpr std::int64_t kMaxTableDays = std::int64_t{1} << 22;

  explicit StepIndex(std::span<const DayRange> steps) {
    for (const DayRange& s : steps) {
      earliest_.push_back(detail::to_day32(s.earliest));
      latest_.push_back(detail::to_day32(s.latest));
    }
    first_ = earliest_.front();
    last_ = latest_.back();
    if (std::int64_t{last_} - first_ + 1 > kMaxTableDays) return;
    const auto days = static_cast<std::size_t>(std::int64_t{last_} - first_ + 1);
    starting_.resize(days);
    ending_.resize(days);
    std::uint32_t s = 0, e = 0;
    for (std::size_t d = 0; d < days; ++d) {
      const Day32 day = first_ + static_cast<Day32>(d);
      while (s < earliest_.size() && earliest_[s] < day) ++s;
      while (e < latest_.size() && latest_[e] < day) ++e;
      starting_[d] = s;
      ending_[d] = e;
    }
  }

  std::uint32_t size() const { return static_cast<std::uint32_t>(earliest_.size()); }
  Day32 first_day() const { return first_; }
  Day32 last_day() const { return last_; }

  // The first step whose earliest day is `day` or later (size() when none).
  std::uint32_t first_starting_from(Day32 day) const { return find(day, earliest_, starting_); }
  // The first step whose latest day is `day` or later (size() when none).
  std::uint32_t first_ending_from(Day32 day) const { return find(day, latest_, ending_); }

 private:
  std::uint32_t find(Day32 day, const std::vector<Day32>& bounds,
                     const std::vector<std::uint32_t>& table) const {
    if (day <= first_) return 0;  // step 0 begins on first_, and ends on it or later
    if (day > last_) return size();
    if (!table.empty()) return table[static_cast<std::size_t>(day - first_)];
    return static_cast<std::uint32_t>(std::lower_bound(bounds.begin(), bounds.end(), day) -
                                      bounds.begin());
  }

  std::vector<Day32> earliest_, latest_;
  Day32 first_ = 0, last_ = 0;
  std::vector<std::uint32_t> starting_, ending_;  // by day - first_
};

// One fact changing its status at the start of a step.
struct Event {
  std::uint32_t step;
  std::uint32_t id;
  Status from;
  Status to;
};

// The status changes of every fact in `ids` (ascending) over the steps, grouped by step and in
// id order within a step (a counting sort, which keeps the order of the ids).
class ChangeList {
 public:
  ChangeList(const StepIndex& steps, std::span<const TimeSpan32> spans,
             std::span<const std::uint32_t> ids, bool certain_only)
      : offsets_(steps.size() + 1, 0) {
    std::vector<Event> events;
    events.reserve(ids.size() * 2);
    for (std::uint32_t id : ids) add(steps, spans[id], id, certain_only, events);
    for (const Event& e : events) ++offsets_[e.step + 1];
    for (std::size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
    events_.resize(events.size());
    std::vector<std::uint32_t> next(offsets_.begin(), offsets_.end() - 1);
    for (const Event& e : events) events_[next[e.step]++] = e;
  }

  std::span<const Event> at(std::size_t step) const {
    return {events_.data() + offsets_[step], events_.data() + offsets_[step + 1]};
  }

 private:
  // A fact is certain on the steps [c_begin, c_end), else possible on [p_begin, p_end), else
  // absent: TimeSpan32::at over each step, decided once for all steps.
  static void add(const StepIndex& steps, const TimeSpan32& s, std::uint32_t id, bool certain_only,
                  std::vector<Event>& out) {
    std::uint32_t p_begin = 0, p_end = 0;
    if (!certain_only && s.possible_from < s.possible_until) {
      p_begin = steps.first_ending_from(s.possible_from);
      p_end = steps.first_starting_from(s.possible_until);
    }
    std::uint32_t c_begin = steps.first_starting_from(s.certain_from);
    std::uint32_t c_end = steps.first_ending_from(s.certain_until);
    if (c_begin >= c_end) c_begin = c_end = 0;
    if (p_begin >= p_end) p_begin = p_end = 0;
    auto status = [&](std::uint32_t step) {
      if (c_begin <= step && step < c_end) return Status::certain;
      if (p_begin <= step && step < p_end) return Status::possible;
      return Status::absent;
    };
    std::array<std::uint32_t, 4> points{p_begin, p_end, c_begin, c_end};
    std::sort(points.begin(), points.end());
    Status before = Status::absent;
    std::uint32_t last = steps.size();  // no point seen yet
    for (std::uint32_t point : points) {
      if (point == last || point >= steps.size()) continue;
      last = point;
      const Status now = status(point);
      if (now != before) out.push_back({point, id, before, now});
      before = now;
    }
  }

  std::vector<std::uint32_t> offsets_;  // events of step i: events_[offsets_[i], offsets_[i+1])
  std::vector<Event> events_;
};

Certainty certainty_of(Status s) {
  return s == Status::certain ? Certainty::certain : Certainty::possible;
}

// The status changes of the entities and relations a snapshot with `options` keeps, over every
// step (the steps checked to be ascending and not empty).
class ChangeSweep {
 public:
  ChangeSweep(const TemporalGraph& graph, std::span<const DayRange> steps,
              const SnapshotOptions& options)
      : index_(checked(steps)),
        entities_(make(graph, options, index_, Family::entities)),
        relations_(make(graph, options, index_, Family::relations)) {}

  std::span<const Event> entities(std::size_t step) const { return entities_.at(step); }
  std::span<const Event> relations(std::size_t step) const { return relations_.at(step); }

 private:
  enum class Family { entities, relations };

  static std::span<const DayRange> checked(std::span<const DayRange> steps) {
    if (steps.empty()) throw query_error("a series needs at least one step");
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (steps[i].latest < steps[i].earliest) throw query_error("a step ends before it begins");
      if (i > 0 &&
          (steps[i].earliest < steps[i - 1].earliest || steps[i].latest < steps[i - 1].latest)) {
        throw query_error("the steps of a series must be in ascending order");
      }
    }
    return steps;
  }

  // The candidates are the facts possible on some day of the series that the filter keeps. A
  // relation's span lies within its endpoints' lifespans (clipped, with the weaker certainty),
  // so it is present only when both endpoints are: keeping their kinds is enough.
  static ChangeList make(const TemporalGraph& graph, const SnapshotOptions& options,
                         const StepIndex& index, Family family) {
    const detail::GraphStorage& g = detail::storage(graph);
    const detail::SnapshotFilter filter(graph, options);
    const DayRange window{detail::from_day32(index.first_day()),
                          detail::from_day32(index.last_day())};
    std::vector<std::uint8_t> kept(graph.entity_count(), 0);
    for (EntityId id = 0; id < graph.entity_count(); ++id) kept[id] = filter.keeps(id) ? 1 : 0;
    std::vector<std::uint32_t> ids;
    if (family == Family::entities) {
      detail::ids_during(g.entity_index, g.entity_spans, window, ids);
      std::erase_if(ids, [&](std::uint32_t id) { return kept[id] == 0; });
      return ChangeList(index, g.entity_spans, ids, options.certain_only);
    }
    detail::ids_during(g.relation_index, g.relation_spans, window, ids);
    std::erase_if(ids, [&](std::uint32_t id) {
      const detail::RelationRecord& r = g.relations[id];
      return !filter.keeps_kind(r.kind()) || kept[r.from] == 0 || kept[r.to] == 0;
    });
    return ChangeList(index, g.relation_spans, ids, options.certain_only);
  }

  StepIndex index_;
  ChangeList entities_, relations_;
};

template <typename Added, typename Removed>
void split(std::span<const Event> events, std::vector<Added>& added, std::vector<Added>& changed,
           std::vector<Removed>& removed) {
  added.clear();
  changed.clear();
  removed.clear();
  for (const Event& e : events) {
    if (e.to == Status::absent) {
      removed.push_back(e.id);
    } else if (e.from == Status::absent) {
      added.push_back({e.id, certainty_of(e.to)});
    } else {
      changed.push_back({e.id, certainty_of(e.to)});
    }
  }
}

// The facts present at the current step, with their certainty: a bitmap listed in id order.
template <typename At>
class PresentFacts {
 public:
  explicit PresentFacts(std::size_t n) : bits_((n + 63) / 64, 0), certain_((n + 63) / 64, 0) {}

  void apply(std::span<const Event> events) {
    for (const Event& e : events) {
      const std::uint64_t bit = std::uint64_t{1} << (e.id % 64);
      bits_[e.id / 64] = e.to == Status::absent ? bits_[e.id / 64] & ~bit : bits_[e.id / 64] | bit;
      certain_[e.id / 64] =
          e.to == Status::certain ? certain_[e.id / 64] | bit : certain_[e.id / 64] & ~bit;
    }
  }

  // Time: O(n / 64 + present).
  void list(std::vector<At>& out) const {
    for (std::size_t w = 0; w < bits_.size(); ++w) {
      for (std::uint64_t word = bits_[w]; word != 0; word &= word - 1) {
        const auto bit = static_cast<unsigned>(std::countr_zero(word));
        out.push_back({static_cast<std::uint32_t>(w * 64 + bit),
                       (certain_[w] >> bit & 1) != 0 ? Certainty::certain : Certainty::possible});
      }
    }
  }

 private:
  std::vector<std::uint64_t> bits_, certain_;
};

}  // namespace

void snapshot_changes(const TemporalGraph& graph, std::span<const DayRange> steps,
                      const SnapshotOptions& options,
                      const std::function<void(std::size_t, const SnapshotChange&)>& visit) {
  if (options.connected_only) {
    throw query_error(
        "a series of changes cannot keep only connected entities: that depends on the whole "
        "snapshot at each step");
  }
  if (steps.empty()) return;
  const ChangeSweep sweep(graph, steps, options);
  SnapshotChange change;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    change.at = steps[i];
    split(sweep.entities(i), change.entities_added, change.entities_changed,
          change.entities_removed);
    split(sweep.relations(i), change.relations_added, change.relations_changed,
          change.relations_removed);
    visit(i, change);
  }
}

void snapshot_series(const TemporalGraph& graph, std::span<const DayRange> steps,
                     const SnapshotOptions& options,
                     const std::function<void(std::size_t, const Snapshot&)>& visit) {
  if (steps.empty()) return;
  const ChangeSweep sweep(graph, steps, options);
  PresentFacts<EntityAt> entities(graph.entity_count());
  PresentFacts<RelationAt> relations(graph.relation_count());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    entities.apply(sweep.entities(i));
    relations.apply(sweep.relations(i));
    Snapshot s;
    s.at = steps[i];
    entities.list(s.entities);
    relations.list(s.relations);
    if (options.connected_only) detail::keep_connected(detail::storage(graph), s);
    visit(i, s);
  }
}

}  // namespace orgraph::query
