#include "aliasing/sim/json.hpp"

namespace aliasing::sim {

std::int64_t Json::as_int() const
{
    if (type() == Type::number) {
        return static_cast<std::int64_t>(std::get<double>(m_value));
    }
    return std::get<std::int64_t>(m_value);
}

double Json::as_double() const
{
    if (type() == Type::integer) {
        return static_cast<double>(std::get<std::int64_t>(m_value));
    }
    return std::get<double>(m_value);
}

Json& Json::operator[](std::string_view key)
{
    if (is_null()) {
        m_value = Object{};
    }
    auto& members = as_object();
    for (auto& member : members) {
        if (member.first == key) {
            return member.second;
        }
    }
    members.emplace_back(std::string(key), Json());
    return members.back().second;
}

const Json& Json::operator[](std::string_view key) const
{
    static const Json null_value;
    const Json* found = find(key);
    return found != nullptr ? *found : null_value;
}

const Json& Json::at(std::size_t position) const
{
    static const Json null_value;
    if (!is_array() || position >= as_array().size()) {
        return null_value;
    }
    return as_array()[position];
}

const Json* Json::find(std::string_view key) const
{
    if (!is_object()) {
        return nullptr;
    }
    for (const auto& member : as_object()) {
        if (member.first == key) {
            return &member.second;
        }
    }
    return nullptr;
}

Json* Json::find(std::string_view key)
{
    return const_cast<Json*>(static_cast<const Json*>(this)->find(key));
}

bool Json::erase(std::string_view key)
{
    if (!is_object()) {
        return false;
    }
    auto& members = as_object();
    for (auto it = members.begin(); it != members.end(); ++it) {
        if (it->first == key) {
            members.erase(it);
            return true;
        }
    }
    return false;
}

void Json::push_back(Json value)
{
    if (is_null()) {
        m_value = Array{};
    }
    as_array().push_back(std::move(value));
}

std::size_t Json::size() const
{
    if (is_array()) {
        return as_array().size();
    }
    if (is_object()) {
        return as_object().size();
    }
    return 0;
}

bool operator==(const Json& left, const Json& right)
{
    if (left.is_number() && right.is_number()) {
        if (left.is_integer() && right.is_integer()) {
            return left.as_int() == right.as_int();
        }
        return left.as_double() == right.as_double();
    }
    if (left.type() != right.type()) {
        return false;
    }
    switch (left.type()) {
    case Json::Type::null: return true;
    case Json::Type::boolean: return left.as_bool() == right.as_bool();
    case Json::Type::string: return left.as_string() == right.as_string();
    case Json::Type::array: return left.as_array() == right.as_array();
    case Json::Type::object: {
        if (left.size() != right.size()) {
            return false;
        }
        for (const auto& [key, value] : left.as_object()) {
            const Json* other = right.find(key);
            if (other == nullptr || !(*other == value)) {
                return false;
            }
        }
        return true;
    }
    default: return false;
    }
}

}  // namespace aliasing::sim
