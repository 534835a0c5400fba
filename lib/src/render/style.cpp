#include "orgraph/render/style.hpp"

#include <cstdint>

namespace orgraph::render {

EdgeLook relation_look(RelationKind kind) {
  switch (kind) {
    case RelationKind::split_from:
      return {LineStyle::dashed, "#b03a2e", 1.4, Arrow::forward, "split from"};
    case RelationKind::merged_into:
      return {LineStyle::solid, "#2e8b57", 2.4, Arrow::forward, "merged into"};
    case RelationKind::renamed_to:
      return {LineStyle::dotted, "#222222", 1.8, Arrow::forward, "renamed to"};
    case RelationKind::succeeded_by:
      return {LineStyle::solid, "#7d3c98", 1.4, Arrow::forward, "succeeded by"};
    case RelationKind::formed_from:
      return {LineStyle::solid, "#3b6fb6", 1.2, Arrow::forward, "formed from"};
    case RelationKind::founded:
      return {LineStyle::solid, "#999999", 1.0, Arrow::forward, "founded"};
    case RelationKind::member_of:
      return {LineStyle::solid, "#8a8a8a", 1.0, Arrow::forward, "member of"};
    case RelationKind::part_of:
      return {LineStyle::solid, "#5d6d7e", 1.0, Arrow::forward, "part of"};
    case RelationKind::represented_in:
      return {LineStyle::solid, "#a9a9a9", 1.0, Arrow::forward, "represented in"};
    case RelationKind::holds:
      return {LineStyle::solid, "#34495e", 1.0, Arrow::forward, "holds"};
    case RelationKind::allied_with:
      return {LineStyle::solid, "#3b6fb6", 1.6, Arrow::none, "allied with"};
    case RelationKind::supports:
      return {LineStyle::solid, "#2e8b57", 1.6, Arrow::forward, "supports"};
    case RelationKind::opposes:
      return {LineStyle::solid, "#c0392b", 1.6, Arrow::forward, "opposes"};
    case RelationKind::controls:
      return {LineStyle::solid, "#d35400", 2.0, Arrow::forward, "controls"};
    case RelationKind::approved:
      return {LineStyle::solid, "#16a085", 1.2, Arrow::forward, "approved"};
    case RelationKind::participated_in:
      return {LineStyle::solid, "#b3b3b3", 1.0, Arrow::forward, "took part in"};
    case RelationKind::organized:
      return {LineStyle::solid, "#9a7d0a", 1.0, Arrow::forward, "organized"};
    case RelationKind::located_in:
      break;
  }
  return {LineStyle::solid, "#b3b3b3", 1.0, Arrow::forward, "located in"};
}

NodeLook entity_look(EntityKind kind) {
  switch (kind) {
    case EntityKind::org:
      return {Shape::rounded, "#eef3fb", "#3b6fb6", "organisation"};
    case EntityKind::person:
      return {Shape::ellipse, "#fdf2e9", "#ca6f1e", "person"};
    case EntityKind::event:
      return {Shape::hexagon, "#fef9e7", "#b7950b", "event"};
    case EntityKind::place:
      return {Shape::note, "#f4f6f6", "#7f8c8d", "place"};
    case EntityKind::source:
      break;
  }
  return {Shape::note, "#ffffff", "#aaaaaa", "source"};
}

bool has_arabic(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = lead;
    std::size_t len = 1;
    if (lead >= 0xF0) {
      len = 4;
      cp = lead & 0x07u;
    } else if (lead >= 0xE0) {
      len = 3;
      cp = lead & 0x0Fu;
    } else if (lead >= 0xC0) {
      len = 2;
      cp = lead & 0x1Fu;
    }
    for (std::size_t k = 1; k < len && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    }
    if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
        (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF)) {
      return true;
    }
    i += len;
  }
  return false;
}

namespace {

std::string_view primary_name(const Entity& e) {
  if (!e.name.empty()) return e.name;
  std::string_view title = e.attribute("title");
  return title.empty() ? e.key : title;
}

TextLine name_line(std::string_view text) {
  return {std::string(text), has_arabic(text) ? kArabicSize : kLatinSize, {}, Emphasis::none};
}

std::string span_text(const Date& start, const Date& end) {
  if (start.empty() && end.empty()) return {};
  if (end.empty()) return start.text() + " –";
  if (start.empty()) return "– " + end.text();
  return start.text() + " – " + end.text();
}

}  // namespace

Label name_label(const Entity& e, Lang lang) {
  const std::string_view primary = primary_name(e);
  const std::string_view english = e.name_en;
  Label label;
  switch (lang) {
    case Lang::ar:
      label.lines.push_back(name_line(primary));
      break;
    case Lang::en:
      label.lines.push_back(name_line(english.empty() ? primary : english));
      break;
    case Lang::both:
      label.lines.push_back(name_line(primary));
      if (!english.empty() && english != primary) label.lines.push_back(name_line(english));
      break;
  }
  return label;
}

Label role_label(const Relation& r, Lang lang, double size, std::string_view color) {
  const std::string_view primary = r.role.empty() ? r.role_en : r.role;
  const std::string_view english = r.role_en.empty() ? r.role : r.role_en;
  Label label;
  auto line = [&](std::string_view text) {
    const double points = has_arabic(text) ? size + (kArabicSize - kLatinSize) : size;
    label.lines.push_back({std::string(text), points, std::string(color)});
  };
  switch (lang) {
    case Lang::ar:
      line(primary);
      break;
    case Lang::en:
      line(english);
      break;
    case Lang::both:
      line(primary);
      if (english != primary) line(english);
      break;
  }
  return label;
}

std::string name_text(const Entity& e, Lang lang) {
  const std::string_view primary = primary_name(e);
  const std::string_view english = e.name_en;
  switch (lang) {
    case Lang::ar:
      return std::string(primary);
    case Lang::en:
      return std::string(english.empty() ? primary : english);
    case Lang::both:
      break;
  }
  if (english.empty() || english == primary) return std::string(primary);
  return std::string(primary) + " · " + std::string(english);
}

std::string lifespan_text(const Entity& e) {
  if (e.date != nullptr && !e.date->empty()) return e.date->text();
  return span_text(*e.start, *e.end);
}

std::string dates_text(const Relation& r) {
  if (r.is_point) return r.start->text();
  return span_text(*r.start, *r.end);
}

Edge styled_edge(const TemporalGraph& graph, EntityId tail, EntityId head, const EdgeLook& look) {
  Edge e;
  e.tail = std::string(graph.entity(tail).key);
  e.head = std::string(graph.entity(head).key);
  e.style = look.style;
  e.color = look.color;
  e.penwidth = look.penwidth;
  e.arrow = look.arrow;
  return e;
}

LegendEntry legend_entry(RelationKind kind) {
  const EdgeLook look = relation_look(kind);
  LegendEntry e;
  e.sample = LegendEntry::Sample::edge;
  e.text = look.words;
  e.style = look.style;
  e.color = look.color;
  e.penwidth = look.penwidth;
  return e;
}

LegendEntry legend_entry(EntityKind kind) {
  const NodeLook look = entity_look(kind);
  LegendEntry e;
  e.sample = LegendEntry::Sample::node;
  e.text = look.words;
  e.color = look.border;
  e.fill = look.fill;
  e.shape = look.shape;
  return e;
}

}  // namespace orgraph::render
