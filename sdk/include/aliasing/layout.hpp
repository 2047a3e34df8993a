#pragma once
/// Index-name layout templates such as `{index_base}-{entity}-{run_id}`: parse once, then match names and
/// format them. Header-only, no allocation when matching (planning matches up to a million names per run).
///
/// A template starts with `{index_base}`, contains `{entity}` once, and ends with `-{run_id}`; the literal
/// text between the placeholders is fixed, e.g. `{index_base}-{entity}-employee-{run_id}` or
/// `{index_base}-employee-{entity}-{run_id}`. A name matches when it is all lowercase, starts with the index
/// base and the first literal, ends with the last literal followed by a run id (the last '-'-separated part,
/// non-empty), and leaves a non-empty entity (which may itself contain '-') between them.

#include <string.h>  // memrchr (glibc)
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace aliasing::sdk {

/// An index name split into views of the name that was matched.
struct Parsed {
    std::string_view entity;
    std::string_view run_id;
    std::uint32_t layout = 0;  ///< index of the layout that matched, in the plugin's layouts
};

/// True when `text` has no ASCII uppercase letter (Elasticsearch index names are lowercase).
constexpr bool is_lowercase(std::string_view text) noexcept {
    std::size_t i = 0;
    if (!std::is_constant_evaluated()) {
        // Hot for every catalog name: 8 bytes at once; a byte is 'A'..'Z' when > '@' and < '[' (no branches).
        constexpr std::uint64_t kOnes = ~std::uint64_t{0} / 255;
        constexpr std::uint64_t kHigh = kOnes * 128;
        for (; i + 8 <= text.size(); i += 8) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            const std::uint64_t low7 = word & (kOnes * 127);
            const std::uint64_t above_at = low7 + kOnes * (127 - '@');
            const std::uint64_t below_bracket = kOnes * (127 + '[') - low7;
            if ((above_at & below_bracket & ~word & kHigh) != 0) return false;
        }
    }
    bool upper = false;
    for (; i < text.size(); ++i) upper |= static_cast<unsigned char>(text[i] - 'A') < 26;
    return !upper;
}

/// One parsed layout template. Holds views into the template text, which must outlive it.
class LayoutTemplate {
  public:
    static constexpr std::string_view kIndexBase = "{index_base}";
    static constexpr std::string_view kEntity = "{entity}";
    static constexpr std::string_view kRunId = "{run_id}";

    /// Parses `text`. Never throws: an invalid template has valid() == false and error() says why.
    static constexpr LayoutTemplate parse(std::string_view text) noexcept {
        LayoutTemplate layout;
        layout.m_text = text;
        if (text.substr(0, kIndexBase.size()) != kIndexBase) {
            layout.m_error = "must start with {index_base}";
            return layout;
        }
        if (text.size() < kRunId.size() + 1 || text.substr(text.size() - kRunId.size()) != kRunId ||
            text[text.size() - kRunId.size() - 1] != '-') {
            layout.m_error = "must end with -{run_id} (the run id is always the last '-'-separated part)";
            return layout;
        }
        const std::string_view middle =
            text.substr(kIndexBase.size(), text.size() - kIndexBase.size() - kRunId.size());
        const std::size_t entity_at = middle.find(kEntity);
        if (entity_at == std::string_view::npos) {
            layout.m_error = "must contain {entity}";
            return layout;
        }
        if (middle.find(kEntity, entity_at + kEntity.size()) != std::string_view::npos) {
            layout.m_error = "must contain {entity} only once";
            return layout;
        }
        layout.m_before_entity = middle.substr(0, entity_at);
        layout.m_after_entity = middle.substr(entity_at + kEntity.size());
        if (layout.m_before_entity.empty() || layout.m_before_entity.front() != '-') {
            layout.m_error = "{index_base} must be followed by '-'";
            return layout;
        }
        if (layout.m_after_entity.empty() || layout.m_after_entity.front() != '-') {
            layout.m_error = "{entity} must be followed by '-'";
            return layout;
        }
        for (std::string_view literal : {layout.m_before_entity, layout.m_after_entity}) {
            if (literal.find('{') != std::string_view::npos || literal.find('}') != std::string_view::npos) {
                layout.m_error = "unknown placeholder: only {index_base}, {entity} and {run_id} are allowed";
                return layout;
            }
            if (!is_lowercase(literal)) {
                layout.m_error = "literal text must be lowercase (index names are lowercase)";
                return layout;
            }
        }
        layout.m_error = nullptr;
        return layout;
    }

    constexpr bool valid() const noexcept { return m_error == nullptr; }
    /// Why the template is invalid; nullptr when valid.
    constexpr const char* error() const noexcept { return m_error; }
    constexpr std::string_view text() const noexcept { return m_text; }

    /// Splits `name` for `index_base`, or std::nullopt when the name does not follow this layout. The views
    /// point into `name`; `layout` of the result is 0 (LayoutSet sets it).
    constexpr std::optional<Parsed> match(std::string_view index_base, std::string_view name) const noexcept {
        if (!valid()) return std::nullopt;
        const std::size_t prefix = index_base.size() + m_before_entity.size();
        const std::size_t fixed = prefix + m_after_entity.size();
        // The shortest match: the fixed parts, one entity character and one run id character.
        if (name.size() < fixed + 2) return std::nullopt;
        const char* data = name.data();
        if (!starts_with_at(data, index_base) || !starts_with_at(data + index_base.size(), m_before_entity)) {
            return std::nullopt;
        }
        const std::size_t run_id_at = last_dash(name) + 1;  // npos + 1 == 0: no '-' at all
        if (run_id_at == name.size() || run_id_at < fixed + 1) return std::nullopt;
        const std::size_t entity_end = run_id_at - m_after_entity.size();
        if (!starts_with_at(data + entity_end, m_after_entity)) return std::nullopt;
        // The whole name, index base included: match() is public and a caller's base may be unchecked.
        if (!is_lowercase(name)) return std::nullopt;
        return Parsed{std::string_view(data + prefix, entity_end - prefix),
                      std::string_view(data + run_id_at, name.size() - run_id_at), 0};
    }

    /// Length of the name format_to() writes (without a NUL).
    constexpr std::size_t formatted_size(std::string_view index_base, std::string_view entity,
                                         std::string_view run_id) const noexcept {
        return index_base.size() + m_before_entity.size() + entity.size() + m_after_entity.size() +
               run_id.size();
    }

    /// Writes the name into buffer[0, capacity) followed by a NUL when it fits, and returns its length
    /// (without the NUL) either way, so a caller can retry with a large enough buffer.
    std::size_t format_to(std::string_view index_base, std::string_view entity, std::string_view run_id,
                          char* buffer, std::size_t capacity) const noexcept {
        const std::size_t size = formatted_size(index_base, entity, run_id);
        if (size + 1 > capacity) return size;
        char* out = buffer;
        for (std::string_view part : {index_base, m_before_entity, entity, m_after_entity, run_id}) {
            for (char c : part) *out++ = c;
        }
        *out = '\0';
        return size;
    }

    /// The name for (index_base, entity, run_id).
    std::string format(std::string_view index_base, std::string_view entity, std::string_view run_id) const {
        std::string name;
        name.reserve(formatted_size(index_base, entity, run_id));
        name.append(index_base).append(m_before_entity).append(entity).append(m_after_entity).append(run_id);
        return name;
    }

  private:
    /// True when the bytes at `at` begin with `literal` (the caller has checked there are enough of them).
    static constexpr bool starts_with_at(const char* at, std::string_view literal) noexcept {
        return std::char_traits<char>::compare(at, literal.data(), literal.size()) == 0;
    }

    /// Position of the last '-' in `name`, or npos.
    static constexpr std::size_t last_dash(std::string_view name) noexcept {
#if defined(__GLIBC__)
        if (!std::is_constant_evaluated()) {  // memrchr is vectorised; rfind walks byte by byte
            const void* at = ::memrchr(name.data(), '-', name.size());
            return at == nullptr ? std::string_view::npos
                                 : static_cast<std::size_t>(static_cast<const char*>(at) - name.data());
        }
#endif
        return name.rfind('-');
    }

    std::string_view m_text;
    std::string_view m_before_entity;  ///< literal between {index_base} and {entity}, starts with '-'
    std::string_view m_after_entity;   ///< literal between {entity} and {run_id}, starts and ends with '-'
    const char* m_error = "not parsed";
};

/// A plugin's layouts in order of preference: match() returns the first layout that matches, with its index.
template <std::size_t N>
class LayoutSet {
  public:
    /// Parses every template. In a constant expression an invalid template fails to compile.
    template <class String>
    constexpr explicit LayoutSet(const std::array<String, N>& texts) {
        for (std::size_t i = 0; i < N; ++i) {
            m_layouts[i] = LayoutTemplate::parse(std::string_view(texts[i]));
            if (!m_layouts[i].valid()) throw "invalid layout template";  // compile error when constexpr
        }
    }

    constexpr std::optional<Parsed> match(std::string_view index_base, std::string_view name) const noexcept {
        for (std::size_t i = 0; i < N; ++i) {
            if (auto parsed = m_layouts[i].match(index_base, name)) {
                parsed->layout = static_cast<std::uint32_t>(i);
                return parsed;
            }
        }
        return std::nullopt;
    }

    constexpr const LayoutTemplate& operator[](std::size_t i) const noexcept { return m_layouts[i]; }
    static constexpr std::size_t size() noexcept { return N; }

  private:
    std::array<LayoutTemplate, N> m_layouts{};
};

}  // namespace aliasing::sdk
