#pragma once
// The query subset _count evaluates over stored documents: match_all, match_none, term, terms, match, exists,
// range and bool (must, filter, should, must_not, minimum_should_match). Field types come from the index's
// mappings: a text field matches on its analyzed tokens (the standard analyzer: lowercased, split on anything
// that is not a letter or digit), keyword/numeric/boolean/date fields on their exact value; an unmapped field
// matches nothing, as in Elasticsearch.

#include "aliasing/sim/json.hpp"

namespace aliasing::sim {

/// Throws ApiError (400 parsing_exception) when `query` is not a query of the subset.
void check_query(const Json& query);
/// True when `query` is {"match_all":{...}}.
bool is_match_all(const Json& query);
/// Whether a document's _source matches (the query was checked).
bool query_matches(const Json& query, const Json& source, const Json& mappings);
/// Parses the `q` parameter's subset ("*", "*:*", "field:value"); throws ApiError on anything else.
Json query_from_q(const std::string& q);

}  // namespace aliasing::sim
