#include "aliasing/cluster/rollback_hold.hpp"

#include "aliasing/cluster/lock_store.hpp"
#include "aliasing/render/json_writer.hpp"

namespace aliasing::cluster {

std::string hold_id(const std::string& alias) { return alias + "#rollback-hold"; }

Result<std::optional<RollbackHold>> read_hold(EsClient& client, const std::string& index, const std::string& alias) {
    auto doc = get_stored_doc(client, index, hold_id(alias));
    if (!doc) return doc.error();
    if (!*doc) return std::optional<RollbackHold>();
    const StoredDoc& stored = **doc;
    RollbackHold hold;
    hold.alias = stored.text("alias", alias);
    hold.job = stored.text("job", "?");
    hold.holder = stored.text("holder", "?");
    hold.at = stored.text("at", "?");
    hold.from_run_id = stored.text("from_run_id");
    hold.to_run_id = stored.text("to_run_id");
    hold.release = stored.text("release") == "newer_than_from" ? HoldRelease::NewerThanFrom : HoldRelease::Manual;
    return std::optional<RollbackHold>(std::move(hold));
}

Status write_hold(EsClient& client, const std::string& index, const RollbackHold& hold) {
    JsonWriter body;
    body.begin_object().field("alias", hold.alias).field("job", hold.job).field("holder", hold.holder);
    body.field("at", hold.at).field("from_run_id", hold.from_run_id).field("to_run_id", hold.to_run_id);
    body.field("release", hold.release == HoldRelease::NewerThanFrom ? "newer_than_from" : "manual").end_object();
    auto written = put_stored_doc(client, index, hold_id(hold.alias), body.take(), std::nullopt);
    if (!written) {
        if (!written.outcome_unknown()) return written.error();
        auto now = read_hold(client, index, hold.alias);  // the write may have arrived
        if (now && *now && (*now)->from_run_id == hold.from_run_id && (*now)->to_run_id == hold.to_run_id)
            return ok_status();
        return written.error();
    }
    return ok_status();
}

Result<bool> clear_hold(EsClient& client, const std::string& index, const std::string& alias) {
    auto removed = delete_stored_doc(client, index, hold_id(alias), std::nullopt);
    if (!removed) {
        if (!removed.outcome_unknown()) return removed.error();
        auto now = read_hold(client, index, alias);
        if (!now) return now.error();
        if (*now) return removed.error();
        return true;
    }
    return *removed == WriteResult::Written;
}

std::string describe_hold(const RollbackHold& hold) {
    return "alias [" + hold.alias + "] was rolled back from generation " + hold.from_run_id + " to " +
           hold.to_run_id + " by " + hold.holder + " (" + hold.job + ") at " + hold.at +
           (hold.release == HoldRelease::NewerThanFrom
                ? "; the hold ends by itself when a generation newer than " + hold.from_run_id + " appears"
                : "");
}

}  // namespace aliasing::cluster
