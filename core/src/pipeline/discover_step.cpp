// The first two steps of every run, shared by the single-cluster pipeline and the several-cluster one (core/src/multi):
// preflight (product, version, support) and discovery (the catalog and the alias table the plan is made from).
#include "steps.hpp"

namespace aliasing::detail {

Status preflight(RunContext& context) {
    const auto start = std::chrono::steady_clock::now();
    ActionTimer action(context.report, "preflight", "cluster");
    auto info = context.client.info();
    if (!info) {
        action.finish(ActionStatus::Failed, info.error().message);
        return make_error(ErrorKind::Unreachable, info.error().message);
    }
    context.cluster_major = info->major_version;
    context.async_forcemerge = info->product.has_async_forcemerge();
    context.report.set_cluster(info->version, info->cluster_name, info->product.name());
    if (auto refusal = cluster::unsupported(info->product)) {
        action.finish(ActionStatus::Failed, refusal->message);
        return *refusal;
    }
    action.finish(ActionStatus::Ok, info->product.name());
    context.log.step_done("preflight", "cluster [" + info->cluster_name + "] " + info->product.name(),
                          std::chrono::steady_clock::now() - start);
    return ok_status();
}

Status discover(StepContext& context, Snapshot& snapshot) {
    const auto start = std::chrono::steady_clock::now();
    const Job& job = context.job;
    ActionTimer action(context.report, "discover", job.index_base + "-*");
    auto fail = [&](const Error& error) {
        action.finish(ActionStatus::Failed, error.message);
        return make_error(error.kind == ErrorKind::Unreachable ? ErrorKind::Unreachable : ErrorKind::StepFailed,
                          error.message);
    };
    const std::string pattern = job.index_base + "-*";
    auto body = context.client.cat_indices(pattern);
    if (!body) return fail(body.error());
    auto catalog = Catalog::parse(std::move(body).value(), "GET /_cat/indices/" + pattern);
    if (!catalog) return fail(catalog.error());
    snapshot.catalog.emplace(std::move(catalog).value());

    auto alias_body = context.client.get_alias(job.alias_name);
    if (!alias_body) return fail(alias_body.error());
    auto targets = AliasTable::parse(*alias_body, "GET /_alias/" + job.alias_name);
    if (!targets) return fail(targets.error());
    auto ours_body = context.client.get_index_aliases(pattern);
    if (!ours_body) return fail(ours_body.error());
    auto ours = AliasTable::parse(*ours_body, "GET /" + pattern + "/_alias");
    if (!ours) return fail(ours.error());
    snapshot.aliases = std::move(targets).value();
    snapshot.aliases.merge(*ours);

    action.finish(ActionStatus::Ok, std::to_string(snapshot.catalog->size()) + " indices");
    context.log.step_done("discover",
                          std::to_string(snapshot.catalog->size()) + " indices under " + pattern + ", alias [" +
                              job.alias_name + "] on " +
                              std::to_string(snapshot.aliases.indices_with(job.alias_name).size()),
                          std::chrono::steady_clock::now() - start);
    return ok_status();
}

}  // namespace aliasing::detail
