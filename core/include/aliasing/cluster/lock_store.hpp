#pragma once
/// Documents in the lock index (the run lock and the rollback hold): read, create, conditional write and
/// conditional delete, with the cluster's refusals of that index (auto-create disabled, 403) turned into one
/// clear exit-5 message naming the index, the privileges and --lock-index.

#include "aliasing/common/result.hpp"
#include "aliasing/cluster/es_client.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace aliasing::cluster {

/// A stored document: its version and its top-level source fields (numbers and booleans as text).
struct StoredDoc {
    std::int64_t seq_no = -1;
    std::int64_t primary_term = -1;
    std::map<std::string, std::string> fields;

    std::string text(const std::string& name, const std::string& fallback = "") const;
    std::int64_t number(const std::string& name, std::int64_t fallback = 0) const;
};

/// What a conditional write or delete found.
enum class WriteResult { Written, Conflict, Missing };

/// GET /{index}/_doc/{id}. No document, or no such index: nullopt.
Result<std::optional<StoredDoc>> get_stored_doc(EsClient& client, const std::string& index, const std::string& id);

/// PUT /{index}/_create/{id}: the new version, or nullopt when the document exists (409).
Result<std::optional<StoredDoc>> create_stored_doc(EsClient& client, const std::string& index,
                                                          const std::string& id, const std::string& source);

/// PUT /{index}/_doc/{id}, conditional on `expected` (if_seq_no/if_primary_term) when given. `written` receives the
/// new version on success.
Result<WriteResult> put_stored_doc(EsClient& client, const std::string& index, const std::string& id,
                                          const std::string& source, const std::optional<StoredDoc>& expected,
                                          StoredDoc* written = nullptr);

/// DELETE /{index}/_doc/{id}, conditional on `expected` when given.
Result<WriteResult> delete_stored_doc(EsClient& client, const std::string& index, const std::string& id,
                                             const std::optional<StoredDoc>& expected);

}  // namespace aliasing::cluster
