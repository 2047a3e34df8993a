#pragma once
// Mappings as Elasticsearch keeps them: the "mappings" object ({"properties":{...}}), dynamic mapping of new
// fields when a document is indexed (string → text + keyword sub-field, integer → long, fraction → float,
// boolean, object → properties, a date-looking string → date), and field lookup for queries.

#include "aliasing/sim/json.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace aliasing::sim {

/// Adds the fields of `source` that `mappings` lacks (unless "dynamic" is false). With "dynamic":"strict" a new
/// field is refused: returns its path; "" otherwise.
std::string map_dynamically(Json& mappings, const Json& source);

/// A field a query names: its mapped type and the source path its values come from (a multi-field such as
/// "name.keyword" reads "name"). nullopt when the field is not mapped.
struct MappedField {
    std::string type;
    std::string source_path;
};
std::optional<MappedField> find_field(const Json& mappings, std::string_view path);

/// Checks a "mappings" body of PUT /{index}: an object whose "properties" (when present) is an object of
/// objects. Returns a description of the first problem, "" when valid.
std::string mapping_problem(const Json& mappings);

}  // namespace aliasing::sim
