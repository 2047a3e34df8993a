// Job files (SPEC §3): no input crashes the parser, and every accepted job satisfies §3.
#include "fuzz_check.hpp"

#include "aliasing/config/job.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    using namespace aliasing;
    const auto text = fuzz::as_text(data, size);
    auto job = parse_job(text, "fuzz.json");
    if (!job) {
        FUZZ_CHECK(job.error().kind == ErrorKind::Usage);
        FUZZ_CHECK(!job.error().message.empty());
        return 0;
    }
    // Accepted: the text is one JSON value (after an optional UTF-8 byte order mark), the names are valid and the
    // numbers in range.
    const std::string_view json = text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
    FUZZ_CHECK(!json_syntax_error_offset(json).has_value());
    FUZZ_CHECK(alias_name_problem(job->alias_name).empty());
    FUZZ_CHECK(!job->data_source.empty());
    FUZZ_CHECK(!job->index_base.empty());
    FUZZ_CHECK(!job->new_replicas || *job->new_replicas >= 0);
    FUZZ_CHECK(!job->max_segment_size_bytes || *job->max_segment_size_bytes > 0);
    FUZZ_CHECK(job->keep_generations >= 0);
    if (job->entities) {
        for (const auto& entity : *job->entities) FUZZ_CHECK(index_name_part_problem(entity).empty());
    }
    return 0;
}
