// The mapping gate (SPEC §13): flattening a mapping into field paths and comparing two of them.
#include "aliasing/gates/mapping_fields.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace aliasing {
namespace {

using Poco::JSON::Object;

void flatten(const Object::Ptr& properties, const std::string& prefix, MappingFields& fields) {
    if (!properties) return;
    for (const auto& [name, value] : *properties) {
        if (value.type() != typeid(Object::Ptr)) continue;
        const auto field = value.extract<Object::Ptr>();
        const std::string path = prefix.empty() ? name : prefix + "." + name;
        fields[path] = field->has("type") ? field->getValue<std::string>("type") : std::string("object");
        flatten(field->getObject("properties"), path, fields);
        flatten(field->getObject("fields"), path, fields);
    }
}

}  // namespace

Result<MappingFields> mapping_fields(std::string_view body, std::string_view origin) {
    try {
        Poco::JSON::Parser parser;
        const auto root = parser.parse(std::string(body)).extract<Object::Ptr>();
        if (!root || root->size() == 0) throw Poco::DataFormatException("no index in the answer");
        const auto index = root->getObject(root->begin()->first);
        const auto mappings = index ? index->getObject("mappings") : nullptr;
        MappingFields fields;
        if (mappings) flatten(mappings->getObject("properties"), "", fields);
        return fields;
    } catch (const Poco::Exception& error) {
        return make_error(ErrorKind::StepFailed, std::string(origin) + ": unexpected body: " + error.displayText());
    } catch (const std::exception& error) {
        return make_error(ErrorKind::StepFailed, std::string(origin) + ": unexpected body: " + error.what());
    }
}

std::vector<std::string> mapping_differences(const MappingFields& live, const MappingFields& next, MappingCheck check) {
    std::vector<std::string> differences;
    if (check == MappingCheck::Off) return differences;
    for (const auto& [path, type] : live) {
        const auto found = next.find(path);
        if (found == next.end()) {
            differences.push_back(path + ": missing");
        } else if (found->second != type) {
            differences.push_back(path + ": " + type + " → " + found->second);
        }
    }
    if (check == MappingCheck::Exact) {
        for (const auto& [path, type] : next)
            if (!live.count(path)) differences.push_back(path + ": not in the live mapping (" + type + ")");
    }
    return differences;
}

}  // namespace aliasing
