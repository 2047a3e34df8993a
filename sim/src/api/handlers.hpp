#pragma once
// Every Elasticsearch API handler the router dispatches to; one file per API family under api/.

#include "api/call.hpp"

namespace aliasing::sim {

Reply handle_info(Call& call);            // GET|HEAD /
Reply handle_nodes_local(Call& call);     // GET /_nodes/_local
Reply handle_cat_indices(Call& call);     // GET /_cat/indices[/{index}]
Reply handle_cat_segments(Call& call);    // GET /_cat/segments[/{index}]
Reply handle_get_alias(Call& call);       // GET|HEAD /_alias[/{name}], /{index}/_alias[/{name}]
Reply handle_update_aliases(Call& call);  // POST /_aliases
Reply handle_put_alias(Call& call);       // PUT|POST /{index}/_alias/{name}
Reply handle_delete_alias(Call& call);    // DELETE /{index}/_alias/{name}
Reply handle_get_settings(Call& call);    // GET /[{index}/]_settings[/{name}]
Reply handle_put_settings(Call& call);    // PUT /[{index}/]_settings
Reply handle_forcemerge(Call& call);      // POST /[{index}/]_forcemerge
Reply handle_get_task(Call& call);        // GET /_tasks/{task_id}
Reply handle_cluster_health(Call& call);  // GET /_cluster/health[/{index}]
Reply handle_get_cluster_settings(Call& call);  // GET /_cluster/settings
Reply handle_put_cluster_settings(Call& call);  // PUT /_cluster/settings
Reply handle_create_index(Call& call);    // PUT /{index}
Reply handle_delete_index(Call& call);    // DELETE /{index}
Reply handle_get_index(Call& call);       // GET|HEAD /{index}
Reply handle_open_index(Call& call);      // POST /{index}/_open
Reply handle_close_index(Call& call);     // POST /{index}/_close
Reply handle_stats(Call& call);           // GET /[{index}/]_stats[/{metric}]
Reply handle_create_doc(Call& call);      // PUT|POST /{index}/_create/{id}
Reply handle_index_doc(Call& call);       // PUT|POST /{index}/_doc/{id}
Reply handle_get_doc(Call& call);         // GET|HEAD /{index}/_doc/{id}
Reply handle_delete_doc(Call& call);      // DELETE /{index}/_doc/{id}
Reply handle_bulk(Call& call);            // POST|PUT /[{index}/]_bulk
Reply handle_refresh(Call& call);         // POST|GET /[{index}/]_refresh
Reply handle_count(Call& call);           // GET|POST /[{index}/]_count
Reply handle_get_mapping(Call& call);     // GET /[{index}/]_mapping
Reply handle_put_mapping(Call& call);     // PUT|POST /{index}/_mapping
Reply handle_cat_allocation(Call& call);  // GET /_cat/allocation[/{node_id}]
Reply handle_cat_shards(Call& call);      // GET /_cat/shards[/{index}]
Reply handle_nodes_stats(Call& call);     // GET /_nodes[/{node_id}]/stats[/{metric}]

}  // namespace aliasing::sim
