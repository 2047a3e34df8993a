#include "aliasing/plan/alias_targets.hpp"
#include "aliasing/common/join.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace aliasing {
namespace {

constexpr std::size_t kNamesShown = 10;

Error refusal(std::string message) { return make_error(ErrorKind::Validation, std::move(message)); }

// The properties each entity's new index carries: one set for all when every old target agrees, else each entity's
// own.
class Carry {
public:
    explicit Carry(const AliasChangeRequest& request) : m_request(request) {}

    Status decide() {
        for (const auto& old : m_request.ours) {
            const AliasProperties& properties = m_request.aliases.properties(old.index, m_request.alias);
            if (!properties.unknown.empty()) {
                std::vector<std::string_view> keys(properties.unknown.begin(), properties.unknown.end());
                return refusal("alias [" + std::string(m_request.alias) + "] on [" + std::string(old.index) +
                               "] has properties this version of aliasing does not know and so cannot carry to the "
                               "new indices: [" + join_first(keys, kNamesShown) + "]; refusing rather than dropping them");
            }
            auto [at, inserted] = m_by_entity.try_emplace(old.entity, Source{&properties, old.index});
            if (!inserted && !(*at->second.properties == properties)) {
                return refusal("alias [" + std::string(m_request.alias) + "] has different properties on [" +
                               std::string(at->second.index) + "] and [" + std::string(old.index) +
                               "], both of entity [" + std::string(old.entity) +
                               "]: cannot tell which to carry to its new index; give them the same properties first");
            }
            if (!m_uniform) m_uniform = &properties;
            if (!(*m_uniform == properties)) m_per_entity = true;
        }
        return ok_status();
    }

    bool per_entity() const { return m_per_entity; }

    Result<AliasProperties> for_new(const EntityIndex& index) const {
        if (!m_per_entity) return m_uniform ? *m_uniform : AliasProperties{};
        auto found = m_by_entity.find(index.entity);
        if (found == m_by_entity.end()) {
            std::vector<std::string_view> entities;
            for (const auto& [entity, source] : m_by_entity) entities.push_back(entity);
            return refusal("alias [" + std::string(m_request.alias) +
                           "] has different properties per entity on its current indices (entities " +
                           join_first(entities, kNamesShown) + "), and new index [" + std::string(index.index) + "] of entity [" +
                           std::string(index.entity) + "] has no current index to carry them from; add the alias "
                           "with the intended properties to an index of that entity by hand, or give every current "
                           "index the same properties, then rerun");
        }
        return *found->second.properties;
    }

private:
    struct Source {
        const AliasProperties* properties;
        std::string_view index;
    };
    const AliasChangeRequest& m_request;
    std::map<std::string_view, Source> m_by_entity;
    const AliasProperties* m_uniform = nullptr;
    bool m_per_entity = false;
};

}  // namespace

Result<AliasChange> plan_alias_change(const AliasChangeRequest& request) {
    const std::string alias(request.alias);
    AliasChange change;
    change.foreign_policy = request.foreign_policy;

    std::set<std::string_view> ours;
    for (const auto& old : request.ours) ours.insert(old.index);
    for (auto target : request.current) {
        if (!ours.count(target)) change.foreign.push_back(target);
    }
    std::sort(change.foreign.begin(), change.foreign.end());
    if (!change.foreign.empty() && request.foreign_policy == ForeignAliasTargets::Refuse) {
        return refusal("alias [" + alias + "] also points to " + std::to_string(change.foreign.size()) +
                       (change.foreign.size() == 1 ? " index that is" : " indices that are") +
                       " not this job's: [" + join_first(change.foreign, kNamesShown) +
                       "]; the swap would remove them from the alias. Say what to do with them in the job file: "
                       "\"foreign_alias_targets\": \"keep\" leaves them behind the alias, \"remove\" removes them "
                       "with the swap (they are never deleted)");
    }
    const bool keep = request.foreign_policy == ForeignAliasTargets::Keep;

    Carry carry(request);
    if (auto status = carry.decide(); !status) return status.error();
    change.per_entity = carry.per_entity();
    for (const auto& index : request.next) {
        auto properties = carry.for_new(index);
        if (!properties) return properties.error();
        change.adds.push_back({index.index, std::move(properties).value()});
    }
    std::sort(change.adds.begin(), change.adds.end(),
              [](const AliasTarget& a, const AliasTarget& b) { return a.index < b.index; });
    for (auto target : request.current)
        change.current.push_back({target, request.aliases.properties(target, request.alias)});

    for (auto target : request.current) {
        if (!(keep && !ours.count(target))) change.removes.push_back(target);
    }
    for (const auto& add : change.adds) change.after.push_back(add.index);
    if (keep) change.after.insert(change.after.end(), change.foreign.begin(), change.foreign.end());
    std::sort(change.after.begin(), change.after.end());

    // Elasticsearch refuses an alias with two write indices (500 illegal_state_exception): say so before any change.
    std::vector<std::string_view> writers;
    for (const auto& add : change.adds) {
        if (add.properties.is_write_index.value_or(false)) writers.push_back(add.index);
    }
    if (keep) {
        for (auto target : change.foreign) {
            if (request.aliases.properties(target, request.alias).is_write_index.value_or(false))
                writers.push_back(target);
        }
    }
    if (writers.size() > 1) {
        std::sort(writers.begin(), writers.end());
        return refusal("alias [" + alias + "] would have is_write_index true on " + std::to_string(writers.size()) +
                       " indices after the swap ([" + join_first(writers, kNamesShown) +
                       "]); Elasticsearch allows one write index per alias. Set is_write_index on the one index "
                       "that should take writes (or on none) before promoting");
    }
    return change;
}

std::string describe_properties(const AliasProperties& properties) {
    std::vector<std::string> parts;
    if (properties.filter) parts.push_back("filter " + *properties.filter);
    if (properties.index_routing && properties.search_routing &&
        *properties.index_routing == *properties.search_routing) {
        parts.push_back("routing " + *properties.index_routing);
    } else {
        if (properties.index_routing) parts.push_back("index_routing " + *properties.index_routing);
        if (properties.search_routing) parts.push_back("search_routing " + *properties.search_routing);
    }
    if (properties.is_write_index) parts.push_back(std::string("is_write_index ") + (*properties.is_write_index ? "true" : "false"));
    if (properties.is_hidden) parts.push_back(std::string("is_hidden ") + (*properties.is_hidden ? "true" : "false"));
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
    return out;
}

}  // namespace aliasing
