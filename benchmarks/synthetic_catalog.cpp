// Deterministic synthetic catalogs (see synthetic_catalog.hpp). Rows are described by a few small integers and
// written straight into the body, so generating a million rows needs little more memory than the body itself
// (plan_memory measures planning's share on top of it).
#include "synthetic_catalog.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace aliasing::bench {
namespace {

constexpr std::size_t kMinIndices = 1000;

/// SplitMix64: a tiny, well-mixed generator whose output is the same on every platform (std distributions are not).
struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool percent(std::uint64_t chance) { return below(100) < chance; }
};

std::uint64_t mix(std::uint64_t a, std::uint64_t b) { return Random{a * 0x100000001B3ULL ^ b}.next(); }

constexpr std::array<std::string_view, 20> kCustomerEntities{
    "person",        "organisation", "postal-address", "email-address", "phone",        "contract",  "account",
    "contact-person", "bank-account", "consent",       "segment",       "household",    "loyalty-card",
    "preference",    "note",         "document",       "relationship",  "credit-limit", "tax-id",    "web-login"};
constexpr std::array<std::string_view, 16> kSmrEntities{
    "store",   "region",    "opening-hours", "assortment", "price-zone", "promotion", "shelf",  "supplier",
    "article", "warehouse", "route",         "delivery",   "planogram",  "tenant",    "kiosk",  "terminal"};
constexpr std::array<std::string_view, 8> kEmployeeEntities{"store", "region", "warehouse", "route",
                                                             "kiosk", "office", "depot",     "hub"};
constexpr std::array<std::string_view, 6> kTransactionEntities{"sale", "refund", "voucher", "payment",
                                                                "order-line", "stock-move"};

enum class SourceId : std::uint8_t { Customer, Smr, SmrEmployee, Transaction };

struct SourceSpec {
    SourceId id;
    std::string_view index_base;
    std::string_view suffix;  // after the entity: "-employee" for smr-employee's current layout
    const std::string_view* entities;
    std::size_t entity_count;
    std::int64_t interval_seconds;  // between generations
    std::size_t percent_of_catalog;
};

constexpr std::array<SourceSpec, 4> kSources{{
    {SourceId::Customer, "customer-2_0_0", "", kCustomerEntities.data(), kCustomerEntities.size(), 6 * 3600, 25},
    {SourceId::Smr, "smr-1_3_0", "", kSmrEntities.data(), kSmrEntities.size(), 4 * 3600, 30},
    {SourceId::SmrEmployee, "smr-1_3_0", "-employee", kEmployeeEntities.data(), kEmployeeEntities.size(), 4 * 3600,
     20},
    {SourceId::Transaction, "transaction-1_0_0", "", kTransactionEntities.data(), kTransactionEntities.size(), 3600,
     24},
}};

// 2026-10-15T10:10:00Z: the newest generation of every source (plus a millisecond jitter).
constexpr std::int64_t kNewestMillis = 1'792'059'000'000;
constexpr std::int64_t kNowMillis = kNewestMillis + 20 * 60 * 1000 + 999;
constexpr std::int64_t kFutureMillis = kNowMillis + 2 * 3600 * 1000;

enum class Spelling : std::uint8_t { CompactT, Compact, DottedZ, EpochMillis };

/// One row, described compactly; everything else derives from `seed`.
struct RowSpec {
    std::uint64_t seed;
    std::int64_t instant_millis;  // run id instant (valid rows)
    std::uint32_t junk;           // running number of an unparseable name
    std::uint16_t entity;
    std::uint8_t source;          // index into kSources
    std::uint8_t rank;            // 0 = future, 1 = candidate, 2 = live, 3 = older (customer); others 1 or 3
    Spelling spelling;
    bool unparseable;
};

class Writer {
public:
    explicit Writer(std::string& out) : m_out(out) {}
    void text(std::string_view text) { m_out.append(text); }
    void number(std::uint64_t value) {
        char buffer[24];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
        (void)ec;
        m_out.append(buffer, end);
    }
    void padded(std::uint64_t value, int width) {
        char buffer[24];
        for (int i = width - 1; i >= 0; --i) {
            buffer[i] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
        m_out.append(buffer, static_cast<std::size_t>(width));
    }
    void field(std::string_view key, std::uint64_t value) {
        text(",\"");
        text(key);
        text("\":\"");
        number(value);
        text("\"");
    }
    void null_field(std::string_view key) {
        text(",\"");
        text(key);
        text("\":null");
    }

private:
    std::string& m_out;
};

struct Civil {
    int year, month, day, hour, minute, second, milli;
};

Civil civil_of(std::int64_t millis) {
    std::int64_t seconds = millis / 1000;
    const int milli = static_cast<int>(millis % 1000);
    std::int64_t days = seconds / 86400;
    const std::int64_t of_day = seconds % 86400;
    days += 719468;
    const std::int64_t era = days / 146097;
    const auto doe = static_cast<int>(days - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int day = doy - (153 * mp + 2) / 5 + 1;
    const int month = mp < 10 ? mp + 3 : mp - 9;
    const int year = static_cast<int>(era * 400 + yoe + (month <= 2 ? 1 : 0));
    return {year, month, day, static_cast<int>(of_day / 3600), static_cast<int>(of_day / 60 % 60),
            static_cast<int>(of_day % 60), milli};
}

void write_run_id(Writer& out, std::int64_t millis, Spelling spelling, bool short_when_whole) {
    if (spelling == Spelling::EpochMillis) {
        out.padded(static_cast<std::uint64_t>(millis), 13);
        return;
    }
    const Civil c = civil_of(millis);
    out.padded(static_cast<std::uint64_t>(c.year), 4);
    out.padded(static_cast<std::uint64_t>(c.month), 2);
    out.padded(static_cast<std::uint64_t>(c.day), 2);
    if (spelling != Spelling::Compact) out.text("t");
    out.padded(static_cast<std::uint64_t>(c.hour), 2);
    out.padded(static_cast<std::uint64_t>(c.minute), 2);
    out.padded(static_cast<std::uint64_t>(c.second), 2);
    if (c.milli == 0 && short_when_whole) return;  // "the run id that ends on 000 ms", written without it
    if (spelling == Spelling::DottedZ) out.text(".");
    out.padded(static_cast<std::uint64_t>(c.milli), 3);
    if (spelling == Spelling::DottedZ) out.text("z");
}

void write_name(Writer& out, const RowSpec& row) {
    const SourceSpec& source = kSources[row.source];
    const std::string_view entity = source.entities[row.entity];
    if (!row.unparseable) {
        out.text(source.index_base);
        out.text("-");
        out.text(entity);
        out.text(source.suffix);
        out.text("-");
        write_run_id(out, row.instant_millis, row.spelling, (row.seed >> 40) % 2 == 0);
        return;
    }
    switch (row.junk % 6) {
        case 0:  // month 13: an impossible date under customer's base
            out.text("customer-2_0_0-");
            out.text(entity);
            out.text("-202613");
            out.padded(1 + row.junk % 28, 2);
            out.text("t");
            out.padded(row.junk / 6 % 1'000'000'000, 9);
            return;
        case 1:  // a run id that is not one at all
            out.text("customer-2_0_0-");
            out.text(entity);
            out.text("-rebuild");
            out.number(row.junk);
            return;
        case 2:  // not customer's layout: no run id part
            out.text("customer-2_0_0-tmp_reindex_");
            out.number(row.junk);
            return;
        case 3:
            out.text("smr-1_3_0-");
            out.text(entity);
            out.text("-latest");
            out.number(row.junk);
            return;
        case 4:
            out.text("logs-nginx-access-");
            out.number(row.junk);
            return;
        default:  // hour 25
            out.text("transaction-1_0_0-");
            out.text(entity);
            out.text("-20261015t25");
            out.padded(row.junk % 60, 2);
            out.text("00.");
            out.padded(row.junk / 6 % 1'000'000'000, 9);
            return;
    }
}

void write_row(Writer& out, const RowSpec& row, std::uint64_t entity_scale_seed) {
    Random random{row.seed};
    Random entity_random{entity_scale_seed};
    // Each entity has its own typical size, spread log-uniformly from 5 MB to 300 GB; its indices vary by ±30%.
    const double entity_bytes = std::exp(std::log(5e6) + entity_random.unit() * (std::log(3e11) - std::log(5e6)));
    const std::uint64_t doc_bytes = 300 + entity_random.below(4700);
    const auto bytes = static_cast<std::uint64_t>(entity_bytes * (0.7 + 0.6 * random.unit()));
    const auto shards = static_cast<std::uint32_t>(std::clamp<std::uint64_t>(bytes / 30'000'000'000ULL + 1, 1, 30));
    const std::uint32_t replicas = random.percent(80) ? 1 : (random.percent(60) ? 0 : 2);
    const bool fresh = row.rank <= 1;  // not yet force-merged: many segments per shard
    const std::uint64_t per_shard_mb = bytes / shards / 1'000'000 + 1;
    const std::uint64_t segments_per_shard =
        fresh ? 1 + random.below(std::min<std::uint64_t>(60, per_shard_mb / 20 + 1))
              : 1 + bytes / shards / (2ULL << 30) + (random.percent(10) ? random.below(4) : 0);
    const std::uint64_t docs = bytes / doc_bytes;
    const bool protected_rank = row.rank <= 2 && !row.unparseable;
    const std::uint64_t health_roll = random.below(1000);
    const std::string_view health = health_roll < 940 || (protected_rank && health_roll >= 990) ? "green"
                                    : health_roll < 990                                           ? "yellow"
                                                                                                  : "red";
    const bool closed = !protected_rank && random.below(1000) < 5;
    const std::uint64_t copies = health == "yellow" ? 1 + replicas / 2 : 1 + replicas;

    out.text("{\"health\":\"");
    out.text(health);
    out.text(closed ? "\",\"status\":\"close\",\"index\":\"" : "\",\"status\":\"open\",\"index\":\"");
    write_name(out, row);
    out.text("\",\"uuid\":\"");
    static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char uuid[22];
    for (char& c : uuid) c = kAlphabet[random.below(64)];
    out.text(std::string_view(uuid, sizeof uuid));
    out.text("\"");
    out.field("pri", shards);
    out.field("rep", replicas);
    if (closed) {
        for (auto key : {"docs.count", "docs.deleted", "store.size", "pri.store.size", "segments.count",
                         "pri.segments.count"}) {
            out.null_field(key);
        }
    } else {
        out.field("docs.count", docs);
        out.field("docs.deleted", docs / 100 * random.below(6));
        out.field("store.size", bytes * copies);
        out.field("pri.store.size", bytes);
        out.field("segments.count", segments_per_shard * shards * copies);
        out.field("pri.segments.count", segments_per_shard * shards);
    }
    const std::int64_t created = (row.unparseable ? kNewestMillis : row.instant_millis) +
                                 static_cast<std::int64_t>(random.below(3'600'000));
    out.field("creation.date", static_cast<std::uint64_t>(created));
    out.text("}");
}

Spelling spelling_of(std::uint64_t roll) {
    roll %= 100;
    if (roll < 45) return Spelling::CompactT;
    if (roll < 60) return Spelling::Compact;
    if (roll < 75) return Spelling::DottedZ;
    return Spelling::EpochMillis;
}

/// The rows of one source: generations newest first (customer also has one in the future), every entity in each,
/// except that ~2% of the older generations miss one entity and the oldest one may be cut short.
void add_source(std::vector<RowSpec>& rows, std::uint8_t source_index, std::size_t count, CatalogCensus& census) {
    const SourceSpec& source = kSources[source_index];
    const bool customer = source.id == SourceId::Customer;
    std::size_t emitted = 0;
    for (std::int64_t generation = customer ? -1 : 0; emitted < count; ++generation) {
        const std::uint64_t generation_seed = mix(source_index + 1, static_cast<std::uint64_t>(generation + 2));
        Random random{generation_seed};
        const std::int64_t base = generation < 0 ? kFutureMillis : kNewestMillis - generation * source.interval_seconds * 1000;
        const std::int64_t instant = base + (random.percent(25) ? 0 : static_cast<std::int64_t>(random.below(1000)));
        const Spelling spelling = spelling_of(random.next());
        const std::uint8_t rank = generation < 0 ? 0 : generation == 0 ? 1 : generation == 1 ? 2 : 3;
        const bool drops_one = rank == 3 && random.percent(2);
        const std::size_t dropped = random.below(source.entity_count);
        if (customer) ++census.customer_generations;
        for (std::size_t entity = 0; entity < source.entity_count && emitted < count; ++entity) {
            if (drops_one && entity == dropped) continue;
            RowSpec row{};
            row.seed = mix(generation_seed, entity + 1);
            row.instant_millis = instant;
            row.entity = static_cast<std::uint16_t>(entity);
            row.source = source_index;
            row.rank = rank;
            row.spelling = spelling;
            if ((row.seed >> 48) % 100 < 3) {  // another spelling of the same instant
                row.spelling = static_cast<Spelling>((static_cast<int>(spelling) + 1) % 4);
                if (customer) ++census.alternate_spellings;
            }
            rows.push_back(row);
            ++emitted;
        }
    }
    if (customer) census.customer_indices = count;
}

}  // namespace

SyntheticCatalog make_synthetic_catalog(std::size_t index_count) {
    if (index_count < kMinIndices) {
        throw std::invalid_argument("a synthetic catalog needs at least " + std::to_string(kMinIndices) + " indices");
    }
    SyntheticCatalog catalog;
    CatalogCensus& census = catalog.census;
    census.indices = index_count;
    census.customer_entities = kCustomerEntities.size();
    census.unparseable = index_count / 100;

    std::vector<RowSpec> rows;
    rows.reserve(index_count);
    std::size_t assigned = census.unparseable;
    for (std::uint8_t s = 0; s < kSources.size(); ++s) {
        const std::size_t count = s + 1U == kSources.size() ? index_count - assigned
                                                            : index_count * kSources[s].percent_of_catalog / 100;
        add_source(rows, s, count, census);
        assigned += count;
    }
    for (std::uint32_t j = 0; j < census.unparseable; ++j) {
        RowSpec row{};
        row.seed = mix(99, j);
        row.junk = j;
        row.entity = static_cast<std::uint16_t>(j % kTransactionEntities.size());  // valid for every source
        row.source = static_cast<std::uint8_t>(j % 6 == 3 ? 1 : j % 6 == 5 ? 3 : 0);
        row.rank = 3;
        row.unparseable = true;
        rows.push_back(row);
    }

    // _cat/indices without s= lists rows in no particular order.
    Random shuffle{0x5EED};
    for (std::size_t i = rows.size() - 1; i > 0; --i) std::swap(rows[i], rows[shuffle.below(i + 1)]);

    catalog.body.reserve(index_count * 360 + simdjson::SIMDJSON_PADDING);
    Writer out(catalog.body);
    out.text("[");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i > 0) out.text(",");
        write_row(out, rows[i], mix(rows[i].source + 7, rows[i].entity + 1));
    }
    out.text("]");
    catalog.body.reserve(catalog.body.size() + simdjson::SIMDJSON_PADDING);

    // The alias points to the previous generation; a few older indices also carry another alias.
    std::string name;
    Writer name_out(name);
    for (const RowSpec& row : rows) {
        if (row.unparseable || kSources[row.source].id != SourceId::Customer) continue;
        const bool other_alias = row.rank == 3 && row.seed % 1000 == 0;
        if (row.rank != 2 && !other_alias) continue;
        name.clear();
        write_name(name_out, row);
        catalog.aliases.add(name, row.rank == 2 ? kCustomerAlias : std::string_view("customer-audit"));
    }
    catalog.now = RunInstant{kNowMillis * 1'000'000};
    return catalog;
}

Job customer_job() {
    Job job;
    job.alias_name = std::string(kCustomerAlias);
    job.data_source = std::string(kCustomerDataSource);
    job.index_base = std::string(kCustomerIndexBase);
    job.delete_old = true;
    job.forcemerge_new = true;
    job.keep_generations = 2;
    // Pinned: the synthetic entities include `person` beside `contact-person`, which discovery mode refuses as
    // ambiguous (docs/ownership.md O4), as it should for a real catalog.
    job.entities = std::vector<std::string>(kCustomerEntities.begin(), kCustomerEntities.end());
    return job;
}

}  // namespace aliasing::bench
