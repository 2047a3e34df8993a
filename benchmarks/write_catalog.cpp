// Writes a synthetic catalog as the files `aliasing plan` reads, for the whole-process benchmark
// (benchmarks/whole_process.sh):
//
//   aliasing_write_catalog INDICES DIR
//
// DIR/catalog-INDICES.json (the `_cat/indices` body), DIR/aliases-INDICES.json (`GET _alias` of the aliases the
// catalog's indices carry) and DIR/job.json (customer_job() as a job file). Prints the planning clock as a run id (13-digit epoch milliseconds)
// for `--now`, so the plan is the same on every run.
#include "synthetic_catalog.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

bool write(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

/// `{"index":{"aliases":{"alias":{}}},...}` for every (index, alias) pair of the aliases the catalog uses.
std::string aliases_body(const aliasing::AliasTable& table) {
    std::string body = "{";
    bool first = true;
    for (const auto alias : {std::string_view("customer"), std::string_view("customer-audit")}) {
        for (const auto index : table.indices_with(alias)) {
            body += first ? "\"" : ",\"";
            body.append(index);
            body += "\":{\"aliases\":{\"";
            body.append(alias);
            body += "\":{}}}";
            first = false;
        }
    }
    return body + "}";
}

/// customer_job() as the job file spells it.
std::string job_body(const aliasing::Job& job) {
    std::string body = "{\"alias_name\":\"" + job.alias_name + "\",\"data_source\":\"" + job.data_source +
                       "\",\"index_base\":\"" + job.index_base + "\",\"delete_old\":true,\"forcemerge_new\":true," +
                       "\"keep_generations\":" + std::to_string(job.keep_generations) + ",\"min_docs\":" +
                       std::to_string(job.gates.min_docs.value_or(1)) + ",\"max_docs_drop_pct\":" +
                       std::to_string(job.gates.max_docs_drop_pct.value_or(20)) + ",\"entities\":[";
    for (std::size_t i = 0; i < job.entities->size(); ++i) body += (i ? ",\"" : "\"") + (*job.entities)[i] + "\"";
    return body + "]}\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: aliasing_write_catalog INDICES DIR\n");
        return 2;
    }
    const std::size_t indices = std::strtoull(argv[1], nullptr, 10);
    const std::string dir = argv[2];
    const auto synthetic = aliasing::bench::make_synthetic_catalog(indices);
    const std::string suffix = std::to_string(indices) + ".json";
    if (!write(dir + "/catalog-" + suffix, synthetic.body) || !write(dir + "/aliases-" + suffix, aliases_body(synthetic.aliases)) ||
        !write(dir + "/job.json", job_body(aliasing::bench::customer_job()))) {
        std::fprintf(stderr, "aliasing_write_catalog: cannot write into %s\n", dir.c_str());
        return 2;
    }
    std::printf("%lld\n", static_cast<long long>(synthetic.now.epoch_nanos / 1'000'000));  // epoch millis
    return 0;
}
