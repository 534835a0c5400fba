#pragma once

// Importing Popolo JSON (popoloproject.com; EveryPolitician's data, OpenSanctions-style
// exports): persons, organizations, memberships, posts and events become orgraph entities and
// relations (mapping in graphs/README.md "Importing Popolo").

#include <string_view>

#include "orgraph/graph_builder.hpp"
#include "orgraph/io/limits.hpp"

namespace orgraph::io {

// Reads a Popolo JSON document (the content of file `name`: an object with the arrays persons,
// organizations, memberships, posts, events, areas) into `builder`:
//   person        kind=person; birth_date/death_date as start/end
//   organization  kind=org, type from classification (party, legislature, committee, …, else
//                 other); founding_date/dissolution_date as start/end; parent_id as part_of;
//                 area_id named in note
//   event         kind=event (type election or other); one day as date=, else start/end;
//                 organization_id and parent_id named in note (no relation joins an event to
//                 its organization or to another event)
//   other_names   name_xx for the first current (no end_date) name in each two- or three-letter
//                 lang, even one spelt like another; alias for the other names; their notes,
//                 dates and languages no name_xx holds in note ("also named "X" (zh-hk) from
//                 1988 to 1991: historic"); identifiers and the Popolo id in note
//   membership    member_of the organization (with role "member" or none), else holds with
//                 role=; on_behalf_of_id adds member_of that organization over the same dates;
//                 missing dates are taken from the legislative period (an event), then from the
//                 post; its id, label, term and area in note
//   post          not an entity: the role of a membership with post_id (the post's label, else
//                 its role) when the membership has none but "member", its organization when
//                 it names none, its sources; what of the post the role does not say (label,
//                 role, dates as written, area, other_label) in the relation's note
//   area          not an entity: its name in the note of the records whose area_id names it
//   sources       the file itself is a source cited by everything; each distinct `sources` URL
//                 of a person, organization, event, membership or post is a source too, cited
//                 by what that record becomes
// Popolo's end dates (end_date, death_date, dissolution_date) are the last day a fact held, and
// orgraph's end is the first day it no longer holds, so a full date moves one day on
// (end_date 2012-04-08 becomes end 2012-04-09); a coarser one is kept as written.
// Nothing is dropped silently: each field orgraph has no attribute for (gender, email, links,
// images, seats, an area's identifiers, …) is one warning per record type and field with the
// number of records carrying it ("FILE: warning: persons[].gender is not imported (412
// records); orgraph has no attribute for it"), and the posts and areas nothing refers to are one
// warning each, with their count.
// Ids become ASCII slugs of the Popolo ids (other characters '_', made unique). A reference to
// an id the file does not define (person_id, organization_id, on_behalf_of_id, post_id,
// legislative_period_id, area_id, parent_id), malformed JSON, a key given twice in a record, a
// record (or an entry of other_names, identifiers, sources) that is not an object and a value of
// the wrong JSON type are error diagnostics with the line of the record and its JSON pointer
// ("/memberships/12"); dates are validated by the builder. A string over limits.max_token_bytes
// or arrays and objects nested deeper than limits.max_nesting are errors naming the limit. The
// graph is named after the file (its stem, as a slug) unless the builder has a name.
// Time: O(n log n).
void read_popolo(std::string_view text, std::string_view name, GraphBuilder& builder,
                 const ReadLimits& limits = {});

}  // namespace orgraph::io
