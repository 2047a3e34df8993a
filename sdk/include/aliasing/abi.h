/*
 * aliasing/abi.h — the binary contract between the aliasing host and a data-source plugin.
 *
 * A plugin is a shared library exporting exactly one C symbol, ALIASING_PLUGIN_ENTRY_SYMBOL, of type
 * aliasing_plugin_entry_fn. The host loads the library (RTLD_NOW), imports that one symbol, calls it with no
 * arguments and receives a pointer to a static, immutable aliasing_plugin_api table.
 *
 * Handshake. Before calling any other function the host reads struct_size, abi_major and abi_minor from the
 * table. It accepts the plugin only when abi_major == ALIASING_ABI_MAJOR and ALIASING_ABI_MINOR (host) >=
 * abi_minor (plugin); otherwise it refuses the plugin naming both versions. The table is append-only: fields
 * are only ever added at the end, with a minor version bump, and a host reads a field only when struct_size
 * shows the plugin's table contains it.
 *
 * Errors. No function crosses the boundary with an exception. Each returns an aliasing_status. When the status is
 * ALIASING_STATUS_ERROR, last_error(instance) returns a message describing the failure.
 *
 * Ownership, for every pointer that crosses the boundary:
 *   - The table and every string and array reachable from it (name, version, description, layouts, entities,
 *     merge_reason) are owned by the plugin, static, and valid for as long as the library stays loaded. The
 *     host never unloads a plugin library, so they are valid for the whole process.
 *   - create() writes a plugin-owned instance to *out; the host releases it with destroy() exactly once.
 *   - parse_name() writes into a host-owned aliasing_parsed_name; the views it stores point INTO the name
 *     buffer the host passed (never into plugin memory), so they live as long as the host's buffer.
 *   - format_name() writes into a host-owned buffer of the given capacity.
 *   - last_error() returns a string owned by the instance, valid until the next call on that instance.
 *
 * Threads. An instance is used by one thread at a time; the host may create several instances.
 */
#ifndef ALIASING_ABI_H
#define ALIASING_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ALIASING_ABI_MAJOR 1
#define ALIASING_ABI_MINOR 1

/* Name of the single exported entry point. */
#define ALIASING_PLUGIN_ENTRY_SYMBOL "aliasing_plugin_entry"

typedef enum aliasing_status {
    ALIASING_STATUS_OK = 0,        /* the call succeeded (parse_name: the name is this plugin's) */
    ALIASING_STATUS_NOT_MINE = 1,  /* parse_name: the name does not follow any layout of this plugin */
    ALIASING_STATUS_ERROR = 2      /* the call failed; last_error() says why */
} aliasing_status;

typedef enum aliasing_merge_kind {
    ALIASING_MERGE_SIZE_BASED = 0, /* force-merge to ceil(bytes per shard / max segment size) segments */
    ALIASING_MERGE_NEVER = 1       /* never force-merge; merge_reason says why (shown in the plan) */
} aliasing_merge_kind;

/* A view into a host-owned buffer: [data, data + size). Not NUL-terminated. */
typedef struct aliasing_string_view {
    const char* data;
    size_t size;
} aliasing_string_view;

/* Result of parse_name: views into the index name the host passed. */
typedef struct aliasing_parsed_name {
    aliasing_string_view entity; /* non-empty; may itself contain '-' */
    aliasing_string_view run_id; /* the last '-'-separated part of the name; the host parses and validates it */
    uint32_t layout;             /* index into the table's layouts[] of the layout that matched */
} aliasing_parsed_name;

typedef struct aliasing_plugin aliasing_plugin; /* opaque plugin instance */

typedef struct aliasing_plugin_api {
    /* --- ABI 1.0 --- */
    uint32_t struct_size; /* sizeof(aliasing_plugin_api) as the plugin was compiled */
    uint16_t abi_major;   /* ALIASING_ABI_MAJOR the plugin was compiled against */
    uint16_t abi_minor;   /* ALIASING_ABI_MINOR the plugin was compiled against */

    const char* name;        /* data-source name used in job files, e.g. "customer"; lowercase */
    const char* version;     /* plugin version, e.g. "1.2.0" */
    const char* description; /* one line for `aliasing plugins` */

    /* Layout templates this plugin recognises, e.g. "{index_base}-{entity}-{run_id}", for display. */
    const char* const* layouts;
    size_t layout_count;

    /* Entities a complete generation must contain; may be empty (then every entity seen is expected). */
    const char* const* entities;
    size_t entity_count;

    aliasing_merge_kind merge_kind;
    uint64_t default_max_segment_size_bytes; /* for ALIASING_MERGE_SIZE_BASED */
    const char* merge_reason;                /* for ALIASING_MERGE_NEVER: shown in the plan instead of a command */

    aliasing_status (*create)(aliasing_plugin** out);
    void (*destroy)(aliasing_plugin* instance);

    /* Recognise `name` as an index of this data source under `index_base`.
     * OK: *out is filled. NOT_MINE: the name is not this plugin's (planning ignores it). ERROR: see last_error. */
    aliasing_status (*parse_name)(aliasing_plugin* instance, aliasing_string_view index_base,
                                  aliasing_string_view name, aliasing_parsed_name* out);

    /* Write the index name for (index_base, entity, run_id) in layout `layout` into buffer[0, capacity),
     * NUL-terminated; *written receives the length without the NUL. ERROR if capacity is too small. */
    aliasing_status (*format_name)(aliasing_plugin* instance, aliasing_string_view index_base,
                                   aliasing_string_view entity, aliasing_string_view run_id, uint32_t layout,
                                   char* buffer, size_t capacity, size_t* written);

    const char* (*last_error)(const aliasing_plugin* instance);

    /* ABI 1.1: the plugin's own defaults for the document-count gates (SPEC §13); a job's keys override them.
     * The host reads these only from a table of abi_minor >= 1 whose struct_size covers them; a 1.0 plugin gets
     * the host's defaults (min_docs 1, max_docs_drop_pct 20, no growth limit). */
    uint32_t gate_defaults_set;           /* 0: the host's defaults; 1: the three fields below apply */
    uint32_t default_max_docs_drop_pct;   /* 0-100; 100 disables the drop check */
    uint64_t default_min_docs;            /* a new index with fewer primary documents is refused */
    int64_t default_max_docs_growth_pct;  /* < 0: no growth limit */
} aliasing_plugin_api;

typedef const aliasing_plugin_api* (*aliasing_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* ALIASING_ABI_H */
