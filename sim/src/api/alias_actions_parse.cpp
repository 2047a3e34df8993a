#include "api/alias_actions.hpp"

namespace aliasing::sim {
namespace {

std::string required_string(const Json& value, std::string_view field)
{
    if (!value.is_string()) {
        throw full_error(400, "x_content_parse_exception",
                         "[" + std::string(field) + "] expected a string but found " + value.dump());
    }
    if (value.as_string().empty()) {
        throw illegal_argument("[" + std::string(field) + "] can't be empty string");
    }
    return value.as_string();
}

std::vector<std::string> string_list(const Json& value, std::string_view field)
{
    std::vector<std::string> out;
    if (value.is_string()) {
        out.push_back(required_string(value, field));
        return out;
    }
    if (!value.is_array()) {
        throw full_error(400, "x_content_parse_exception",
                         "[" + std::string(field) + "] expected an array of strings but found " + value.dump());
    }
    for (const auto& item : value.as_array()) {
        out.push_back(required_string(item, field));
    }
    return out;
}

bool boolean_field(const Json& value, std::string_view field)
{
    if (value.is_bool()) {
        return value.as_bool();
    }
    if (value.is_string() && (value.as_string() == "true" || value.as_string() == "false")) {
        return value.as_string() == "true";
    }
    throw full_error(400, "x_content_parse_exception",
                     "[" + std::string(field) + "] Failed to parse value [" + value.dump() +
                         "] as only [true] or [false] are allowed.");
}

// The token name ObjectParser puts in "[add] x doesn't support values of type: VALUE_STRING".
std::string_view token_name(const Json& value)
{
    if (value.is_string()) {
        return "VALUE_STRING";
    }
    if (value.is_bool()) {
        return "VALUE_BOOLEAN";
    }
    if (value.is_null()) {
        return "VALUE_NULL";
    }
    if (value.is_array()) {
        return "START_ARRAY";
    }
    if (value.is_object()) {
        return "START_OBJECT";
    }
    return "VALUE_NUMBER";
}

ApiError unsupported_type(std::string_view field, const Json& value)
{
    return full_error(400, "x_content_parse_exception",
                      "[add] " + std::string(field) + " doesn't support values of type: " +
                          std::string(token_name(value)));
}

// Routing is declared as ValueType.INT: a string or a number, read as text.
std::string routing_value(std::string_view field, const Json& value)
{
    if (value.is_string()) {
        return value.as_string();
    }
    if (value.is_number()) {
        return value.dump();
    }
    throw unsupported_type(field, value);
}

void read_props_field(AliasProps& props, const std::string& key, const Json& value)
{
    if (key == "filter") {
        if (!value.is_object()) {
            throw unsupported_type(key, value);
        }
        // AliasActions.filter(Map): an empty map means no filter.
        if (value.size() == 0) {
            props.filter.reset();
        } else {
            props.filter = value;
        }
    } else if (key == "routing") {
        props.index_routing = routing_value(key, value);
        props.search_routing = routing_value(key, value);
    } else if (key == "index_routing") {
        props.index_routing = routing_value(key, value);
    } else if (key == "search_routing") {
        props.search_routing = routing_value(key, value);
    } else if (key == "is_write_index") {
        props.is_write_index = boolean_field(value, key);
    } else if (key == "is_hidden") {
        props.is_hidden = boolean_field(value, key);
    } else {
        throw full_error(400, "x_content_parse_exception", "[add] unknown field [" + key + "]");
    }
}

AliasAction parse_one(const Json& entry, bool must_exist_known)
{
    if (!entry.is_object()) {
        throw full_error(400, "x_content_parse_exception", "[alias_action] expected an object but found " + entry.dump());
    }
    if (entry.size() > 1) {
        throw illegal_argument("Too many operations declared on operation entry");
    }
    if (entry.size() == 0) {
        throw illegal_argument("Expected one of [add], [remove], [remove_index] in an action entry");
    }
    const auto& [type_name, fields] = entry.as_object().front();
    AliasAction action;
    if (type_name == "add") {
        action.type = AliasActionType::add;
    } else if (type_name == "remove") {
        action.type = AliasActionType::remove;
    } else if (type_name == "remove_index") {
        action.type = AliasActionType::remove_index;
    } else {
        throw full_error(400, "x_content_parse_exception", "[alias_action] unknown field [" + type_name + "]");
    }
    if (!fields.is_object()) {
        throw full_error(400, "x_content_parse_exception",
                         "[" + type_name + "] expected an object but found " + fields.dump());
    }
    bool has_index = false;
    bool has_alias = false;
    for (const auto& [key, value] : fields.as_object()) {
        if (key == "index" || key == "indices") {
            if (has_index) {
                throw illegal_argument("Only one of [index] and [indices] is supported");
            }
            has_index = true;
            action.index_expressions = key == "index" ? std::vector<std::string>{required_string(value, key)}
                                                      : string_list(value, key);
        } else if (key == "alias" || key == "aliases") {
            if (has_alias) {
                throw illegal_argument("Only one of [alias] and [aliases] is supported");
            }
            has_alias = true;
            action.aliases = key == "alias" ? std::vector<std::string>{required_string(value, key)}
                                            : string_list(value, key);
        } else if (key == "must_exist" && action.type == AliasActionType::remove && must_exist_known) {
            action.must_exist = boolean_field(value, key);
        } else if (action.type == AliasActionType::add && (key != "must_exist" || !must_exist_known)) {
            read_props_field(action.props, key, value);
        } else {
            throw full_error(400, "x_content_parse_exception", "[" + type_name + "] unknown field [" + key + "]");
        }
    }
    if (action.index_expressions.empty()) {
        throw illegal_argument("One of [index] or [indices] is required");
    }
    if (action.type != AliasActionType::remove_index && action.aliases.empty()) {
        throw illegal_argument("One of [alias] or [aliases] is required");
    }
    return action;
}

}  // namespace

std::vector<AliasAction> parse_alias_actions(const Json& body, bool must_exist_known)
{
    if (body.is_null()) {
        throw full_error(400, "parse_exception", "request body is required");
    }
    if (!body.is_object()) {
        throw full_error(400, "x_content_parse_exception", "[aliases] expected an object");
    }
    std::vector<AliasAction> actions;
    for (const auto& [key, value] : body.as_object()) {
        if (key != "actions") {
            throw full_error(400, "x_content_parse_exception", "[aliases] unknown field [" + key + "]");
        }
        if (!value.is_array()) {
            throw full_error(400, "x_content_parse_exception", "[aliases] actions must be an array");
        }
        for (const auto& entry : value.as_array()) {
            actions.push_back(parse_one(entry, must_exist_known));
        }
    }
    if (actions.empty()) {
        throw validation_failed({"Must specify at least one alias action"});
    }
    return actions;
}

AliasProps parse_alias_props(const Json& body)
{
    AliasProps props;
    if (body.is_null()) {
        return props;
    }
    if (!body.is_object()) {
        throw full_error(400, "x_content_parse_exception", "[alias] expected an object");
    }
    for (const auto& [key, value] : body.as_object()) {
        read_props_field(props, key, value);
    }
    return props;
}

}  // namespace aliasing::sim
