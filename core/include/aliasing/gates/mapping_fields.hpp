#pragma once
/// The mapping gate (SPEC §13): field paths and types of a `GET /{index}/_mapping` body, and how two differ.

#include "aliasing/gates/gate_settings.hpp"
#include "aliasing/common/result.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

/// Field path → type: `customer.address.zip` → `keyword`; an object without a type is `object`; multi-fields are
/// `title.raw`. `body` is the answer for one index (its first member is read); `origin` prefixes errors.
using MappingFields = std::map<std::string, std::string, std::less<>>;
Result<MappingFields> mapping_fields(std::string_view body, std::string_view origin);

/// Each field the new mapping lacks or types differently (`customer.address.zip: keyword → text`,
/// `customer.name: missing`); with MappingCheck::Exact also each field only the new mapping has
/// (`customer.nickname: not in the live mapping`). Empty: the gate passes.
std::vector<std::string> mapping_differences(const MappingFields& live, const MappingFields& next, MappingCheck check);

}  // namespace aliasing
