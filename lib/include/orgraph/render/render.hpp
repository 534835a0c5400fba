#pragma once

// Drawing a RenderGraph through Graphviz, in process (cgraph + gvc, the dot layout): SVG, PNG,
// PDF, or DOT text.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "orgraph/error.hpp"
#include "orgraph/render/render_graph.hpp"

namespace orgraph::render {

// Output formats.
//   svg    SVG 1.1, text kept as <text> elements (UTF-8), fonts named, not embedded
//   png    raster through cairo and pango (Arabic shaped), 96 dpi
//   pdf    vector through cairo and pango, fonts embedded; carries cairo's creation date, or
//          SOURCE_DATE_EPOCH's when that variable is set (then equal inputs give equal bytes)
//   dot    DOT with the computed layout (pos, bb, width, height), for Graphviz tools
//   canon  DOT as handed to Graphviz, before layout (what `dot` lays out; Graphviz's -Tcanon)
enum class Format : std::uint8_t { svg, png, pdf, dot, canon };
// "svg", "png", "pdf", "dot" or "canon". Time: O(1).
std::string_view to_string(Format format);
// Reads a format name as to_string writes it (also "gv" for dot); nullopt otherwise.
std::optional<Format> parse_format(std::string_view text);
// The format a file name asks for by its extension: .svg .png .pdf, .dot/.gv (dot); nullopt for
// anything else. Time: O(1).
std::optional<Format> format_for_path(const std::filesystem::path& path);

// Thrown when Graphviz cannot lay out or draw a graph, or the output cannot be written.
class render_error : public error {
 public:
  using error::error;
};

// Lays `graph` out with Graphviz dot and returns the drawing in `format` (binary for png/pdf).
// Deterministic for svg, dot, canon and png (and pdf with SOURCE_DATE_EPOCH): equal inputs give
// equal bytes. Every text is
// escaped into HTML-like labels; only attributes named by RenderGraph are set. Serialised: one
// Graphviz call at a time in the process (cgraph and gvc keep global state). Throws render_error
// with Graphviz's message when layout or rendering fails. Time: dot's layout, roughly
// O(nodes · edges) per crossing-minimisation pass in the worst case; about 1 s for 500 nodes.
std::string render_to_string(const RenderGraph& graph, Format format);

// As render_to_string, writing `out`: the bytes go to `out`.tmp, then replace `out` by a rename,
// so a reader never sees half a file. Throws render_error naming the file when it cannot be
// written (the .tmp file is removed).
void render(const RenderGraph& graph, const std::filesystem::path& out, Format format);

// As above, the format chosen by the file's extension (format_for_path). Throws render_error for
// an extension it does not know.
void render(const RenderGraph& graph, const std::filesystem::path& out);

}  // namespace orgraph::render

template <>
struct fmt::formatter<orgraph::render::Format> : fmt::formatter<std::string_view> {
  auto format(orgraph::render::Format v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::render::to_string(v), ctx);
  }
};
