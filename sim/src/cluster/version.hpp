#pragma once
// The product and version the simulator impersonates (reference opensearch-and-es9.md): Elasticsearch 7.10–7.17,
// 8.x, 9.x, or OpenSearch 1.x–3.x. Behaviour that differs between lines asks it.

#include <optional>
#include <string>
#include <string_view>

namespace aliasing::sim {

enum class Distribution { elasticsearch, opensearch };

struct Version {
    Distribution distribution = Distribution::elasticsearch;
    int major = 8;
    int minor = 15;
    int patch = 0;
    /// OpenSearch's compatibility.override_main_response_version: GET / reads 7.10.2 without a distribution.
    bool override_main_response_version = false;

    /// Elasticsearch "9.1.5", "8.15.0", "7.17.x", "8.x", "9.x" (7.10+), or OpenSearch "2.19.1" (1.x-3.x); nullopt
    /// when unparsable or outside those lines.
    static std::optional<Version> parse(std::string_view text,
                                        Distribution distribution = Distribution::elasticsearch);
    /// "elasticsearch" or "opensearch"; nullopt for anything else.
    static std::optional<Distribution> parse_distribution(std::string_view text);

    bool opensearch() const { return distribution == Distribution::opensearch; }
    /// Numeric comparison within the version's own distribution.
    bool at_least(int want_major, int want_minor) const
    {
        return major > want_major || (major == want_major && minor >= want_minor);
    }
    bool es_at_least(int want_major, int want_minor) const { return !opensearch() && at_least(want_major, want_minor); }
    bool os_at_least(int want_major, int want_minor) const { return opensearch() && at_least(want_major, want_minor); }
    /// Behaves like the 7.x code base: Elasticsearch 7.x and OpenSearch (forked from 7.10.2).
    bool is_7x() const { return opensearch() || major < 8; }
    /// Elasticsearch 9.x: timeouts as 429 with timed_out, no `local` on the alias APIs.
    bool is_9x() const { return es_at_least(9, 0); }
    /// `must_exist` on an alias `remove`: Elasticsearch 7.11+, OpenSearch 2.12+.
    bool has_must_exist() const { return es_at_least(7, 11) || os_at_least(2, 12); }
    /// `_forcemerge?wait_for_completion=false`: Elasticsearch 8.1+, OpenSearch 2.7+.
    bool has_async_forcemerge() const { return es_at_least(8, 1) || os_at_least(2, 7); }
    /// `X-Elastic-Product: Elasticsearch` on every response: Elasticsearch 7.14+.
    bool sends_product_header() const { return es_at_least(7, 14); }
    std::string text() const;
    /// "Elasticsearch 8.15.0" or "OpenSearch 2.19.1".
    std::string product_text() const;
    std::string lucene() const;
    /// index.version.created as GET _settings shows it.
    std::string created_id() const;
};

}  // namespace aliasing::sim
