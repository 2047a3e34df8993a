#include "cluster/mapping.hpp"

#include <cctype>
#include <vector>

namespace aliasing::sim {
namespace {

// Elasticsearch's default dynamic_date_formats: strict_date_optional_time and yyyy/MM/dd HH:mm:ss||yyyy/MM/dd.
bool looks_like_date(const std::string& text)
{
    if (text.size() < 10) {
        return false;
    }
    const auto digits = [&](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i) {
            if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) {
                return false;
            }
        }
        return true;
    };
    const char separator = text[4];
    if ((separator != '-' && separator != '/') || text[7] != separator || !digits(0, 4) || !digits(5, 2) ||
        !digits(8, 2)) {
        return false;
    }
    return text.size() == 10 || (separator == '-' && text[10] == 'T') || (separator == '/' && text[10] == ' ');
}

Json dynamic_type(const Json& value)
{
    Json field = Json::object();
    if (value.is_bool()) {
        field["type"] = "boolean";
    } else if (value.is_integer()) {
        field["type"] = "long";
    } else if (value.is_number()) {
        field["type"] = "float";
    } else if (value.is_string() && looks_like_date(value.as_string())) {
        field["type"] = "date";
    } else if (value.is_string()) {
        field["type"] = "text";
        Json keyword = Json::object();
        keyword["type"] = "keyword";
        keyword["ignore_above"] = 256;
        field["fields"]["keyword"] = std::move(keyword);
    } else {
        return Json();
    }
    return field;
}

std::string dynamic_setting(const Json& mapping, const std::string& inherited)
{
    const Json* dynamic = mapping.find("dynamic");
    if (dynamic == nullptr) {
        return inherited;
    }
    if (dynamic->is_bool()) {
        return dynamic->as_bool() ? "true" : "false";
    }
    return dynamic->is_string() ? dynamic->as_string() : inherited;
}

std::string map_object(Json& mapping, const Json& object, const std::string& prefix, const std::string& inherited)
{
    const std::string dynamic = dynamic_setting(mapping, inherited);
    for (const auto& [key, raw] : object.as_object()) {
        const Json* value = &raw;
        while (value->is_array() && value->size() > 0) {
            value = &value->at(0);  // an array is mapped by its first element
        }
        const std::string path = prefix.empty() ? key : prefix + "." + key;
        Json* existing = mapping.find("properties") != nullptr ? mapping["properties"].find(key) : nullptr;
        if (existing == nullptr) {
            if (value->is_null() || (value->is_array())) {
                continue;  // null and [] add no mapping
            }
            if (dynamic == "strict") {
                return path;
            }
            if (dynamic == "false") {
                continue;
            }
            Json field = value->is_object() ? Json::object() : dynamic_type(*value);
            if (field.is_null()) {
                continue;
            }
            mapping["properties"][key] = std::move(field);
            existing = mapping["properties"].find(key);
        }
        if (value->is_object() && existing->find("type") == nullptr) {
            if (std::string refused = map_object(*existing, *value, path, dynamic); !refused.empty()) {
                return refused;
            }
        }
    }
    return "";
}

}  // namespace

std::string map_dynamically(Json& mappings, const Json& source)
{
    if (!source.is_object()) {
        return "";
    }
    return map_object(mappings, source, "", "true");
}

std::optional<MappedField> find_field(const Json& mappings, std::string_view path)
{
    const Json* node = &mappings;
    std::string source_path;
    std::string_view rest = path;
    while (!rest.empty()) {
        const Json* properties = node->find("properties");
        const Json* fields = node->find("fields");
        // The longest key that matches the start of the remaining path (keys may contain dots).
        const Json* next = nullptr;
        std::size_t used = 0;
        bool multi_field = false;
        for (const Json* container : {properties, fields}) {
            if (container == nullptr || !container->is_object()) {
                continue;
            }
            for (const auto& [key, child] : container->as_object()) {
                if (rest.substr(0, key.size()) == key && (rest.size() == key.size() || rest[key.size()] == '.') &&
                    key.size() > used) {
                    next = &child;
                    used = key.size();
                    multi_field = container == fields;
                }
            }
        }
        if (next == nullptr) {
            return std::nullopt;
        }
        if (!multi_field) {
            source_path += (source_path.empty() ? "" : ".") + std::string(rest.substr(0, used));
        }
        node = next;
        rest = used < rest.size() ? rest.substr(used + 1) : std::string_view();
    }
    const Json* type = node->find("type");
    MappedField field;
    field.type = type != nullptr && type->is_string() ? type->as_string() : "object";
    field.source_path = source_path;
    return field;
}

std::string mapping_problem(const Json& mappings)
{
    if (!mappings.is_object()) {
        return "Failed to parse mapping: mappings must be an object";
    }
    const Json* properties = mappings.find("properties");
    if (properties == nullptr) {
        return "";
    }
    if (!properties->is_object()) {
        return "Failed to parse mapping: [properties] must be an object";
    }
    for (const auto& [name, field] : properties->as_object()) {
        if (!field.is_object()) {
            return "Failed to parse mapping: Expected map for property [fields] on field [" + name +
                   "] but got a class java.lang.String";
        }
        if (std::string problem = mapping_problem(field); !problem.empty()) {
            return problem;
        }
    }
    return "";
}

}  // namespace aliasing::sim
