#pragma once
/// The rollback hold (issue 10 §3): after `aliasing rollback`, a document beside the run lock says that the alias
/// was rolled back and from which generation, so a normal `run` on any host refuses to promote a newer generation
/// until an operator clears it (`aliasing rollback --clear JOB`), or, when asked for at rollback time, until a
/// generation newer than the one rolled back from appears.

#include "aliasing/cluster/es_client.hpp"

#include <optional>
#include <string>

namespace aliasing::cluster {

/// How a hold ends.
enum class HoldRelease {
    Manual,      ///< only `aliasing rollback --clear JOB`
    NewerThanFrom,  ///< also a generation newer than `from_run_id` (the one rolled back from)
};

struct RollbackHold {
    std::string alias;
    std::string job;
    std::string holder;       ///< "host:pid" of the rollback
    std::string at;           ///< when, the rollback host's clock (for people)
    std::string from_run_id;  ///< the generation that was live before the rollback
    std::string to_run_id;    ///< the generation rolled back to
    HoldRelease release = HoldRelease::Manual;
};

/// The document id of an alias's hold: '#' cannot appear in an alias name, so it never collides with a lock.
std::string hold_id(const std::string& alias);

/// The alias's hold, if any (no lock index yet: none).
Result<std::optional<RollbackHold>> read_hold(EsClient& client, const std::string& index, const std::string& alias);

/// Writes (or replaces) the alias's hold.
Status write_hold(EsClient& client, const std::string& index, const RollbackHold& hold);

/// Deletes the alias's hold; true if there was one.
Result<bool> clear_hold(EsClient& client, const std::string& index, const std::string& alias);

/// One line for people: who rolled back what, when, and how the hold ends.
std::string describe_hold(const RollbackHold& hold);

}  // namespace aliasing::cluster
