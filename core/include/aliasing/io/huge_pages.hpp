#pragma once
/// Transparent huge pages for the few buffers that grow with the catalog (SPEC §12).

#include <cstddef>

namespace aliasing {

/// Buffers smaller than this are left alone: they fault in a few 4 KiB pages anyway.
inline constexpr std::size_t kHugePageWorthwhile = std::size_t{4} << 20;

/// Asks the kernel (Linux `madvise(MADV_HUGEPAGE)`) to back the whole 2 MiB pages inside [data, data + bytes) with
/// huge pages when they are first touched. A 300 MB catalog body otherwise takes ~75,000 page faults, which cost
/// more than parsing it. Contents and addresses are unchanged. Call it before the buffer is written. True when the
/// advice was given (at least one whole huge page inside, kernel support); false changes nothing.
bool advise_huge_pages(const void* data, std::size_t bytes);

}  // namespace aliasing
