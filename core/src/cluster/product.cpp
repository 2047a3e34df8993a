#include "aliasing/cluster/product.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <charconv>

namespace aliasing::cluster {
namespace {

using Poco::JSON::Object;

constexpr std::string_view kOpenSearchTagline = "The OpenSearch Project";
constexpr std::string_view kElasticsearchTagline = "You Know, for Search";

// from_chars, not atoi: a hostile "99999999999" must not be undefined behaviour (it reads as 0, then refused).
int leading_number(std::string_view text) {
    int value = 0;
    if (std::from_chars(text.data(), text.data() + text.size(), value).ec != std::errc()) return 0;
    return value < 0 ? 0 : value;  // "-5.0" is no version (found by fuzz_es_client)
}

void set_version(Product& product, const std::string& number) {
    product.version = number;
    product.major = leading_number(number);
    const auto dot = number.find('.');
    product.minor = dot == std::string::npos ? 0 : leading_number(std::string_view(number).substr(dot + 1));
}

Error not_supported(const std::string& what) {
    return make_error(ErrorKind::Unreachable,
                      "the server answering GET / is " + what +
                          "; aliasing supports Elasticsearch 7.11+ and OpenSearch 2.12+; check --es-url/ALIASING_ES_URL");
}

}  // namespace

std::string Product::name() const {
    return std::string(distribution == Distribution::OpenSearch ? "OpenSearch " : "Elasticsearch ") + version;
}

bool Product::has_must_exist() const {
    return distribution == Distribution::OpenSearch ? at_least(2, 12) : at_least(7, 11);
}

bool Product::has_async_forcemerge() const {
    return distribution == Distribution::OpenSearch ? at_least(2, 7) : at_least(8, 1);
}

Result<Product> detect_product(std::string_view info_body, bool elastic_product_header) {
    Object::Ptr root, version;
    try {
        Poco::JSON::Parser parser;
        root = parser.parse(std::string(info_body)).extract<Object::Ptr>();
        version = root ? root->getObject("version") : nullptr;
    } catch (const Poco::Exception&) {
        root = nullptr;
    }
    if (!root || !version || !version->has("number")) {
        return not_supported("not Elasticsearch or OpenSearch (its body has no version.number)");
    }
    Product product;
    set_version(product, version->getValue<std::string>("number"));
    const std::string distribution = version->optValue<std::string>("distribution", "");
    const std::string tagline = root->optValue<std::string>("tagline", "");
    if (distribution == "opensearch") {
        product.distribution = Distribution::OpenSearch;
        return product;
    }
    if (tagline.rfind(kOpenSearchTagline, 0) == 0) {
        product.distribution = Distribution::OpenSearch;
        product.compatibility_mode = true;
        return product;
    }
    if (!distribution.empty()) {
        return not_supported("an unknown product (version.distribution \"" + distribution + "\")");
    }
    if (elastic_product_header) return product;
    if (product.at_least(7, 14) || tagline != kElasticsearchTagline) {
        return not_supported("not Elasticsearch (version " + product.version +
                             " without the X-Elastic-Product header, tagline \"" + tagline + "\")");
    }
    return product;  // Elasticsearch before 7.14 sends no product header
}

Status apply_node_version(Product& product, std::string_view nodes_body) {
    try {
        Poco::JSON::Parser parser;
        const auto root = parser.parse(std::string(nodes_body)).extract<Object::Ptr>();
        const auto nodes = root ? root->getObject("nodes") : nullptr;
        if (nodes && nodes->size() > 0) {
            const auto node = nodes->getObject(nodes->begin()->first);
            if (node && node->has("version")) {
                set_version(product, node->getValue<std::string>("version"));
                return Unit{};
            }
        }
    } catch (const Poco::Exception&) {
    }
    return make_error(ErrorKind::Unreachable,
                      "OpenSearch in compatibility mode (GET / reads 7.10.2) did not say its version in GET "
                      "/_nodes/_local (nodes.*.version); turn compatibility.override_main_response_version off");
}

std::optional<Error> unsupported(const Product& product) {
    const bool opensearch = product.distribution == Distribution::OpenSearch;
    if (opensearch && product.compatibility_mode && product.version == "7.10.2") {
        return make_error(ErrorKind::Unreachable,
                          "OpenSearch in compatibility mode reports version 7.10.2 everywhere; the real version is "
                          "needed (OpenSearch 2.12 or later is required); turn "
                          "compatibility.override_main_response_version off");
    }
    if (product.has_must_exist()) return std::nullopt;
    return make_error(ErrorKind::Unreachable,
                      product.name() + " is not supported: aliasing needs " +
                          (opensearch ? "OpenSearch 2.12" : "Elasticsearch 7.11") +
                          " or later, because its atomic compare-and-swap of the alias sends must_exist on every "
                          "alias removal, which older versions reject (\"[remove] unknown field [must_exist]\")");
}

}  // namespace aliasing::cluster
