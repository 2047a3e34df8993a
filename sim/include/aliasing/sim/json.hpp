#pragma once
/// A small ordered JSON value used by the simulator and its tests: objects keep insertion order (Elasticsearch
/// bodies have a documented key order), integers and doubles stay distinct, equality compares objects as maps.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace aliasing::sim {

class Json {
public:
    enum class Type { null, boolean, integer, number, string, array, object };
    using Array = std::vector<Json>;
    using Member = std::pair<std::string, Json>;
    using Object = std::vector<Member>;

    Json() = default;
    Json(std::nullptr_t) {}
    Json(bool value) : m_value(value) {}
    Json(int value) : m_value(static_cast<std::int64_t>(value)) {}
    Json(long value) : m_value(static_cast<std::int64_t>(value)) {}
    Json(long long value) : m_value(static_cast<std::int64_t>(value)) {}
    Json(unsigned value) : m_value(static_cast<std::int64_t>(value)) {}
    Json(unsigned long value) : m_value(static_cast<std::int64_t>(value)) {}
    Json(unsigned long long value) : m_value(static_cast<std::int64_t>(value)) {}
    Json(double value) : m_value(value) {}
    Json(const char* value) : m_value(std::string(value)) {}
    Json(std::string value) : m_value(std::move(value)) {}
    Json(std::string_view value) : m_value(std::string(value)) {}
    Json(Array value) : m_value(std::move(value)) {}
    Json(Object value) : m_value(std::move(value)) {}

    /// An empty object / array.
    static Json object() { return Json(Object{}); }
    static Json array() { return Json(Array{}); }

    Type type() const { return static_cast<Type>(m_value.index()); }
    bool is_null() const { return type() == Type::null; }
    bool is_bool() const { return type() == Type::boolean; }
    bool is_integer() const { return type() == Type::integer; }
    bool is_number() const { return type() == Type::integer || type() == Type::number; }
    bool is_string() const { return type() == Type::string; }
    bool is_array() const { return type() == Type::array; }
    bool is_object() const { return type() == Type::object; }

    bool as_bool() const { return std::get<bool>(m_value); }
    std::int64_t as_int() const;
    double as_double() const;
    const std::string& as_string() const { return std::get<std::string>(m_value); }
    const Array& as_array() const { return std::get<Array>(m_value); }
    Array& as_array() { return std::get<Array>(m_value); }
    const Object& as_object() const { return std::get<Object>(m_value); }
    Object& as_object() { return std::get<Object>(m_value); }

    /// Object member access; inserts a null member when missing (turns a null value into an object first).
    Json& operator[](std::string_view key);
    /// Read-only member access; a null value when absent or when this is not an object.
    const Json& operator[](std::string_view key) const;
    /// Read-only array element access; a null value when out of range or when this is not an array.
    const Json& at(std::size_t position) const;
    /// Object member lookup; nullptr when absent or when this is not an object.
    const Json* find(std::string_view key) const;
    Json* find(std::string_view key);
    /// Removes an object member; returns whether it existed.
    bool erase(std::string_view key);
    /// Appends to an array (turns a null value into an array first).
    void push_back(Json value);
    /// Number of array elements or object members, 0 otherwise.
    std::size_t size() const;

    /// Compact serialisation, no whitespace.
    std::string dump() const;
    /// Indented serialisation in the style of Elasticsearch's ?pretty ("key" : value, two-space indent).
    std::string dump_pretty() const;
    /// Parses a complete JSON text. On failure returns nullopt and sets *error (when given).
    static std::optional<Json> parse(std::string_view text, std::string* error = nullptr);

    /// Deep equality: objects compare as maps (order ignored), numbers by value.
    friend bool operator==(const Json& left, const Json& right);

private:
    std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, Array, Object> m_value;
};

/// Writes `text` as a JSON string literal (with quotes) onto `out`.
void append_json_string(std::string& out, std::string_view text);

}  // namespace aliasing::sim
