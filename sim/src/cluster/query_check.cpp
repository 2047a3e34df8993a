// Validation of the _count query subset (cluster/query.hpp): what Elasticsearch's query parsers refuse with
// 400 parsing_exception, for the query types the simulator evaluates.
#include "api/errors.hpp"
#include "cluster/query.hpp"

namespace aliasing::sim {
namespace {

ApiError parsing(const std::string& reason)
{
    return full_error(400, "parsing_exception", reason);
}

const Json::Member& single_member(const Json& body, const std::string& query)
{
    if (!body.is_object() || body.size() != 1) {
        throw parsing("[" + query + "] query malformed, no start_object after query name");
    }
    return body.as_object().front();
}

void check_clauses(const Json& clauses)
{
    if (clauses.is_array()) {
        for (const auto& clause : clauses.as_array()) {
            check_query(clause);
        }
    } else {
        check_query(clauses);
    }
}

}  // namespace

void check_query(const Json& query)
{
    if (!query.is_object() || query.size() != 1) {
        throw parsing("[_na] query malformed, must start with start_object");
    }
    const auto& [name, body] = query.as_object().front();
    if (name == "match_all" || name == "match_none") {
        if (!body.is_object()) {
            throw parsing("[" + name + "] query malformed, no start_object after query name");
        }
    } else if (name == "term" || name == "match" || name == "range") {
        const auto& [field, value] = single_member(body, name);
        (void)field;
        if (name == "range" && !value.is_object()) {
            throw parsing("[range] query malformed, no start_object after query name");
        }
        if (value.is_object() && name != "range" && value.find(name == "term" ? "value" : "query") == nullptr) {
            throw parsing("[" + name + "] query does not support [" +
                          (value.size() > 0 ? value.as_object().front().first : std::string("value")) + "]");
        }
    } else if (name == "terms") {
        const auto& [field, values] = single_member(body, name);
        (void)field;
        if (!values.is_array()) {
            throw parsing("[terms] query does not support [" + field + "]");
        }
    } else if (name == "exists") {
        const Json* field = body.find("field");
        if (field == nullptr || !field->is_string()) {
            throw parsing("[exists] must be provided with a [field]");
        }
    } else if (name == "bool") {
        if (!body.is_object()) {
            throw parsing("[bool] query malformed, no start_object after query name");
        }
        for (const auto& [key, clauses] : body.as_object()) {
            if (key == "must" || key == "filter" || key == "should" || key == "must_not") {
                check_clauses(clauses);
            } else if (key != "minimum_should_match" && key != "boost" && key != "_name") {
                throw parsing("[bool] query does not support [" + key + "]");
            }
        }
    } else {
        throw parsing("unknown query [" + name + "]");
    }
}

}  // namespace aliasing::sim
