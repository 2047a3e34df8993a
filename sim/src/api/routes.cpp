#include "api/handlers.hpp"
#include "api/router.hpp"

namespace aliasing::sim {

std::vector<Route> all_routes()
{
    using L = std::vector<std::string>;
    const L cat{"format", "bytes", "h", "s", "v", "help", "time", "local", "master_timeout"};
    L cat_indices = cat;
    cat_indices.insert(cat_indices.end(), {"health", "pri", "expand_wildcards", "include_unloaded_segments"});
    const L alias_get{"ignore_unavailable", "allow_no_indices", "expand_wildcards", "local"};
    const L acked{"timeout", "master_timeout"};
    const L get_settings{"flat_settings", "include_defaults", "local", "master_timeout",
                         "ignore_unavailable", "allow_no_indices", "expand_wildcards"};
    const L put_settings{"master_timeout", "timeout", "preserve_existing", "flat_settings",
                         "ignore_unavailable", "allow_no_indices", "expand_wildcards"};
    const L forcemerge{"max_num_segments", "only_expunge_deletes", "flush",
                       "ignore_unavailable", "allow_no_indices", "expand_wildcards"};
    const L health{"level", "wait_for_status", "timeout", "wait_for_active_shards", "wait_for_nodes",
                   "wait_for_no_relocating_shards", "wait_for_no_initializing_shards", "wait_for_events",
                   "expand_wildcards", "local", "master_timeout"};
    const L destructive{"timeout", "master_timeout", "ignore_unavailable", "allow_no_indices", "expand_wildcards"};
    const L open_close{"timeout", "master_timeout", "ignore_unavailable", "allow_no_indices", "expand_wildcards",
                       "wait_for_active_shards"};
    const L get_index{"ignore_unavailable", "allow_no_indices", "expand_wildcards", "flat_settings",
                      "include_defaults", "local", "master_timeout"};
    const L stats{"level", "completion_fields", "fielddata_fields", "fields", "groups", "include_segment_file_sizes",
                  "include_unloaded_segments", "expand_wildcards", "forbid_closed_indices"};
    const L write_doc{"refresh", "routing", "timeout", "version", "version_type", "pipeline",
                      "wait_for_active_shards", "if_seq_no", "if_primary_term", "op_type", "require_alias"};
    const L read_doc{"refresh", "realtime", "routing", "preference", "_source", "stored_fields", "version",
                     "version_type", "_source_includes", "_source_excludes"};
    // Cluster-state updates, applied one at a time in arrival order (MasterQueue); documents and reads are not.
    constexpr Applied master = Applied::by_master;
    const L delete_doc{"if_seq_no", "if_primary_term", "refresh", "routing", "timeout", "version", "version_type",
                       "wait_for_active_shards"};

    const L refresh{"ignore_unavailable", "allow_no_indices", "expand_wildcards"};
    const L bulk{"refresh", "routing", "timeout", "pipeline", "wait_for_active_shards", "require_alias",
                 "_source", "_source_includes", "_source_excludes"};
    const L count{"ignore_unavailable", "allow_no_indices", "expand_wildcards", "q", "df", "analyzer",
                  "analyze_wildcard", "default_operator", "lenient", "min_score", "preference", "routing",
                  "terminate_after", "ignore_throttled"};
    const L get_mapping{"ignore_unavailable", "allow_no_indices", "expand_wildcards", "local", "master_timeout"};
    const L put_mapping{"ignore_unavailable", "allow_no_indices", "expand_wildcards", "timeout", "master_timeout",
                        "write_index_only"};
    const L nodes_stats{"level", "timeout", "types", "completion_fields", "fielddata_fields", "fields", "groups",
                        "include_segment_file_sizes"};

    return {
        {method_get | method_head, "/", handle_info, {}, {}},
        {method_get, "/_nodes/_local", handle_nodes_local, {"timeout"}, {}},
        {method_get, "/_cat/allocation", handle_cat_allocation, cat, {}},
        {method_get, "/_cat/allocation/{node_id}", handle_cat_allocation, cat, {}},
        {method_get, "/_cat/shards", handle_cat_shards, cat, {}},
        {method_get, "/_cat/shards/{index}", handle_cat_shards, cat, {}},
        {method_get, "/_nodes/stats", handle_nodes_stats, nodes_stats, {}},
        {method_get, "/_nodes/stats/{metric}", handle_nodes_stats, nodes_stats, {}},
        {method_get, "/_nodes/{node_id}/stats", handle_nodes_stats, nodes_stats, {}},
        {method_get, "/_nodes/{node_id}/stats/{metric}", handle_nodes_stats, nodes_stats, {}},
        {method_post | method_put, "/_bulk", handle_bulk, bulk, {}},
        {method_post | method_put, "/{index}/_bulk", handle_bulk, bulk, {}},
        {method_get | method_post, "/_refresh", handle_refresh, refresh, {}},
        {method_get | method_post, "/{index}/_refresh", handle_refresh, refresh, {}},
        {method_get | method_post, "/_count", handle_count, count, {}},
        {method_get | method_post, "/{index}/_count", handle_count, count, {}},
        {method_get, "/_mapping", handle_get_mapping, get_mapping, {}},
        {method_get, "/{index}/_mapping", handle_get_mapping, get_mapping, {}},
        {method_put | method_post, "/{index}/_mapping", handle_put_mapping, put_mapping, {}, master},
        {method_get, "/_cat/indices", handle_cat_indices, cat_indices, {}},
        {method_get, "/_cat/indices/{index}", handle_cat_indices, cat_indices, {}},
        {method_get, "/_cat/segments", handle_cat_segments, cat, {}},
        {method_get, "/_cat/segments/{index}", handle_cat_segments, cat, {}},
        {method_get | method_head, "/_alias", handle_get_alias, alias_get, {}},
        {method_get | method_head, "/_alias/{name}", handle_get_alias, alias_get, {}},
        {method_get | method_head, "/{index}/_alias", handle_get_alias, alias_get, {}},
        {method_get | method_head, "/{index}/_alias/{name}", handle_get_alias, alias_get, {}},
        {method_post, "/_aliases", handle_update_aliases, acked, {}, master},
        {method_put | method_post, "/{index}/_alias/{name}", handle_put_alias, acked, {}, master},
        {method_put | method_post, "/{index}/_aliases/{name}", handle_put_alias, acked, {}, master},
        {method_delete, "/{index}/_alias/{name}", handle_delete_alias, acked, {}, master},
        {method_delete, "/{index}/_aliases/{name}", handle_delete_alias, acked, {}, master},
        {method_get, "/_settings", handle_get_settings, get_settings, {}},
        {method_get, "/_settings/{name}", handle_get_settings, get_settings, {}},
        {method_get, "/{index}/_settings", handle_get_settings, get_settings, {}},
        {method_get, "/{index}/_settings/{name}", handle_get_settings, get_settings, {}},
        {method_put, "/_settings", handle_put_settings, put_settings, {"reopen"}, master},
        {method_put, "/{index}/_settings", handle_put_settings, put_settings, {"reopen"}, master},
        {method_post, "/_forcemerge", handle_forcemerge, forcemerge, {"wait_for_completion"}},
        {method_post, "/{index}/_forcemerge", handle_forcemerge, forcemerge, {"wait_for_completion"}},
        {method_get, "/_tasks/{task_id}", handle_get_task, {"wait_for_completion", "timeout"}, {}},
        {method_get, "/_cluster/health", handle_cluster_health, health, {}},
        {method_get, "/_cluster/health/{index}", handle_cluster_health, health, {}},
        {method_get, "/_cluster/settings", handle_get_cluster_settings,
         {"flat_settings", "master_timeout", "timeout", "include_defaults"}, {}},
        {method_put, "/_cluster/settings", handle_put_cluster_settings,
         {"flat_settings", "master_timeout", "timeout"}, {}, master},
        {method_put, "/{index}", handle_create_index, {"wait_for_active_shards", "timeout", "master_timeout"}, {},
         master},
        {method_delete, "/{index}", handle_delete_index, destructive, {}, master},
        {method_get | method_head, "/{index}", handle_get_index, get_index, {}},
        {method_post, "/{index}/_open", handle_open_index, open_close, {}, master},
        {method_post, "/{index}/_close", handle_close_index, open_close, {}, master},
        {method_get, "/_stats", handle_stats, stats, {}},
        {method_get, "/_stats/{metric}", handle_stats, stats, {}},
        {method_get, "/{index}/_stats", handle_stats, stats, {}},
        {method_get, "/{index}/_stats/{metric}", handle_stats, stats, {}},
        {method_put | method_post, "/{index}/_create/{id}", handle_create_doc, write_doc, {}},
        {method_put | method_post, "/{index}/_doc/{id}", handle_index_doc, write_doc, {}},
        {method_get | method_head, "/{index}/_doc/{id}", handle_get_doc, read_doc, {}},
        {method_delete, "/{index}/_doc/{id}", handle_delete_doc, delete_doc, {}},
    };
}

}  // namespace aliasing::sim
