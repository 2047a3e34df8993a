// A data source defined by a JSON file in a plugin directory: no compiler needed (SPEC §10).
#include "aliasing/layout.hpp"
#include "aliasing/plugins/entity_checks.hpp"
#include "aliasing/plugins/sources.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <set>
#include <sstream>

namespace aliasing {
namespace {

constexpr std::uint64_t kDefaultMaxSegmentSizeBytes = 2ULL * 1024 * 1024 * 1024;

Error bad_key(const std::string& key, const std::string& reason) {
    return make_error(ErrorKind::Usage, "key \"" + key + "\": " + reason);
}

class DeclarativeSource final : public DataSource {
  public:
    explicit DeclarativeSource(DataSourceInfo info) : m_info(std::move(info)) {
        // The templates view m_info.layouts, which never change once the source exists.
        for (const std::string& text : m_info.layouts) m_layouts.push_back(sdk::LayoutTemplate::parse(text));
    }
    DeclarativeSource(const DeclarativeSource&) = delete;
    DeclarativeSource& operator=(const DeclarativeSource&) = delete;

    const DataSourceInfo& info() const override { return m_info; }

    Result<std::optional<ParsedName>> parse_name(std::string_view index_base,
                                                 std::string_view name) const override {
        for (std::size_t i = 0; i < m_layouts.size(); ++i) {
            if (auto parsed = m_layouts[i].match(index_base, name)) {
                return std::optional<ParsedName>{
                    ParsedName{parsed->entity, parsed->run_id, static_cast<std::uint32_t>(i)}};
            }
        }
        return std::optional<ParsedName>{};
    }

    Result<std::string> format_name(std::string_view index_base, std::string_view entity,
                                    std::string_view run_id, std::uint32_t layout) const override {
        if (layout >= m_layouts.size()) {
            return make_error(ErrorKind::Usage,
                              "data source [" + m_info.name + "] has no layout " + std::to_string(layout) +
                                  " (it has " + std::to_string(m_layouts.size()) + "; " + m_info.path + ")");
        }
        return m_layouts[layout].format(index_base, entity, run_id);
    }

  private:
    DataSourceInfo m_info;
    std::vector<sdk::LayoutTemplate> m_layouts;
};

Result<std::string> required_string(const Poco::JSON::Object& object, const std::string& key) {
    if (!object.has(key)) return bad_key(key, "is required");
    const Poco::Dynamic::Var value = object.get(key);
    if (!value.isString()) return bad_key(key, "must be a string");
    return value.extract<std::string>();
}

Result<std::vector<std::string>> string_list(const Poco::JSON::Object& object, const std::string& key) {
    const Poco::JSON::Array::Ptr array = object.getArray(key);
    if (array.isNull()) return bad_key(key, "must be an array of strings");
    std::vector<std::string> values;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Poco::Dynamic::Var value = array->get(static_cast<unsigned>(i));
        const std::string element = key + "[" + std::to_string(i) + "]";
        if (!value.isString()) return bad_key(element, "must be a string");
        values.push_back(value.extract<std::string>());
        if (values.back().empty()) return bad_key(element, "must not be empty");
    }
    return values;
}

Status check_name(const std::string& name) {
    if (name.empty()) return bad_key("name", "must not be empty");
    if (!is_valid_source_name(name)) {
        return bad_key("name", "\"" + name +
                                   "\" is not a data_source name: use lowercase letters, digits, '-' and '_'");
    }
    return ok_status();
}

Result<MergePolicy> parse_merge(const Poco::JSON::Object& object) {
    const Poco::JSON::Object::Ptr merge = object.getObject("merge");
    if (merge.isNull()) {
        return bad_key("merge", std::string(object.has("merge") ? "must be an object" : "is required") +
                                    ": {\"policy\":\"size_based\",\"max_segment_size_bytes\":N} or "
                                    "{\"policy\":\"never\",\"reason\":\"...\"}");
    }
    if (!merge->has("policy") || !merge->get("policy").isString()) {
        return bad_key("merge.policy", "is required: \"size_based\" or \"never\"");
    }
    const std::string policy = merge->getValue<std::string>("policy");
    std::vector<std::string> names;
    merge->getNames(names);
    if (policy == "size_based") {
        for (const std::string& name : names) {
            if (name != "policy" && name != "max_segment_size_bytes") {
                return bad_key("merge." + name,
                               "is not a size_based setting (allowed: max_segment_size_bytes)");
            }
        }
        MergePolicy result{MergeKind::SizeBased, kDefaultMaxSegmentSizeBytes, ""};
        if (merge->has("max_segment_size_bytes")) {
            const Poco::Dynamic::Var value = merge->get("max_segment_size_bytes");
            const bool positive = value.isInteger() && (value.isSigned() ? value.convert<Poco::Int64>() > 0
                                                                         : value.convert<Poco::UInt64>() > 0);
            if (!positive) {
                return bad_key("merge.max_segment_size_bytes",
                               "must be a positive integer number of bytes, got " + value.toString());
            }
            result.default_max_segment_size_bytes = value.convert<Poco::UInt64>();
        }
        return result;
    }
    if (policy == "never") {
        for (const std::string& name : names) {
            if (name != "policy" && name != "reason") {
                return bad_key("merge." + name, "is not a never setting (allowed: reason)");
            }
        }
        Result<std::string> reason = required_string(*merge, "reason");
        if (!reason || reason->empty()) {
            return bad_key("merge.reason",
                           "a non-empty string is required: it is shown in the plan instead of a "
                           "force-merge command");
        }
        return MergePolicy{MergeKind::Never, 0, *reason};
    }
    return bad_key("merge.policy", "must be \"size_based\" or \"never\", got \"" + policy + "\"");
}

Result<DataSourceInfo> parse_info(const Poco::JSON::Object& object, const std::filesystem::path& origin) {
    static const std::set<std::string> kKeys = {"name",    "version",  "description",
                                                "layouts", "entities", "merge"};
    std::vector<std::string> names;
    object.getNames(names);
    for (const std::string& name : names) {
        if (!kKeys.contains(name)) {
            return bad_key(name,
                           "is not a declarative source key (allowed: name, version, description, layouts, "
                           "entities, merge)");
        }
    }
    DataSourceInfo info;
    info.kind = SourceKind::Declarative;
    info.path = origin.string();
    Result<std::string> name = required_string(object, "name");
    if (!name) return name.error();
    if (Status valid = check_name(*name); !valid) return valid.error();
    info.name = *name;
    Result<std::string> version = required_string(object, "version");
    if (!version) return version.error();
    info.version = *version;
    if (object.has("description")) {
        Result<std::string> description = required_string(object, "description");
        if (!description) return description.error();
        info.description = *description;
    }
    if (!object.has("layouts"))
        return bad_key("layouts", "is required, e.g. [\"{index_base}-{entity}-{run_id}\"]");
    Result<std::vector<std::string>> layouts = string_list(object, "layouts");
    if (!layouts) return layouts.error();
    if (layouts->empty()) return bad_key("layouts", "must name at least one layout");
    for (std::size_t i = 0; i < layouts->size(); ++i) {
        const sdk::LayoutTemplate layout = sdk::LayoutTemplate::parse((*layouts)[i]);
        if (!layout.valid()) {
            return bad_key(
                "layouts[" + std::to_string(i) + "]",
                "\"" + (*layouts)[i] + "\" " + layout.error() + ", e.g. \"{index_base}-{entity}-{run_id}\"");
        }
    }
    info.layouts = std::move(*layouts);
    if (object.has("entities")) {
        Result<std::vector<std::string>> entities = string_list(object, "entities");
        if (!entities) return entities.error();
        info.entities = std::move(*entities);
    }
    Result<MergePolicy> merge = parse_merge(object);
    if (!merge) return merge.error();
    info.merge = std::move(*merge);
    return info;
}

}  // namespace

Result<std::unique_ptr<DataSource>> parse_declarative_source(std::string_view json,
                                                             const std::filesystem::path& origin) {
    Poco::Dynamic::Var root;
    try {
        Poco::JSON::Parser parser;
        root = parser.parse(std::string(json));
    } catch (const Poco::Exception& error) {
        return make_error(ErrorKind::Usage, "not valid JSON: " + error.displayText());
    }
    if (root.type() != typeid(Poco::JSON::Object::Ptr)) {
        return make_error(ErrorKind::Usage, "a declarative source must be a JSON object");
    }
    Result<DataSourceInfo> info = parse_info(*root.extract<Poco::JSON::Object::Ptr>(), origin);
    if (!info) return info.error();
    auto source = std::unique_ptr<DataSource>(std::make_unique<DeclarativeSource>(std::move(*info)));
    if (Status entities = check_declared_entities(*source); !entities) return entities.error();
    return source;
}

Result<std::unique_ptr<DataSource>> load_declarative_source(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return make_error(ErrorKind::Usage, "cannot read the file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_declarative_source(text.str(), file);
}

}  // namespace aliasing
