#pragma once
/// Which product and version answered GET /, and what that line supports (SPEC §14,
/// reference/opensearch-and-es9.md "Recommended detection"). Pure functions of response bodies: no I/O.

#include "aliasing/common/result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace aliasing::cluster {

enum class Distribution { Elasticsearch, OpenSearch };

/// The product behind the cluster, with the features the pipeline chooses from.
struct Product {
    Distribution distribution = Distribution::Elasticsearch;
    std::string version;  ///< "8.15.0", "2.19.1"
    int major = 0;
    int minor = 0;
    /// OpenSearch with compatibility.override_main_response_version: GET / reads 7.10.2 and `version` must come
    /// from GET /_nodes/_local (apply_node_version).
    bool compatibility_mode = false;

    /// "Elasticsearch 8.15.0", "OpenSearch 2.19.1".
    std::string name() const;
    bool at_least(int want_major, int want_minor) const {
        return major > want_major || (major == want_major && minor >= want_minor);
    }
    /// `must_exist` on an alias remove, the atomic compare-and-swap: Elasticsearch 7.11+, OpenSearch 2.12+.
    bool has_must_exist() const;
    /// `_forcemerge?wait_for_completion=false` plus the tasks API: Elasticsearch 8.1+, OpenSearch 2.7+.
    bool has_async_forcemerge() const;
    /// Elasticsearch 9.x answers an elapsed timeout with 429, "timed_out": true and X-Timed-Out: true.
    bool timeouts_as_429() const { return distribution == Distribution::Elasticsearch && major >= 9; }
};

/// Detects the product from the body of GET / and whether `X-Elastic-Product: Elasticsearch` was sent:
/// 1. `version.distribution` "opensearch": OpenSearch `version.number`;
/// 2. else a tagline starting "The OpenSearch Project": OpenSearch in compatibility mode (real version unknown);
/// 3. else Elasticsearch, which from 7.14 must send the product header (before 7.14: the tagline
///    "You Know, for Search").
/// Anything else, or a body without version.number, is ErrorKind::Unreachable naming what was found.
Result<Product> detect_product(std::string_view info_body, bool elastic_product_header);

/// Reads the real version of a compatibility-mode OpenSearch from the body of GET /_nodes/_local.
Status apply_node_version(Product& product, std::string_view nodes_body);

/// Why this product cannot be promoted on (ErrorKind::Unreachable, exit 5), naming what was found and what is
/// required; nullopt when it is supported.
std::optional<Error> unsupported(const Product& product);

}  // namespace aliasing::cluster
