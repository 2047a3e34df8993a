#pragma once
/// Result of a cluster call that may change the cluster: an Error plus whether the change may have happened.

#include "aliasing/result.hpp"

#include <utility>
#include <variant>

namespace aliasing::cluster {

/// Whether a failed request may still have changed the cluster.
enum class Outcome {
    Known,    ///< the node answered, or never got the request: the error says what happened
    Unknown,  ///< the request was sent and the connection failed before the answer: re-read the state it changes
};

/// Like Result<T>, with the Outcome of a failure. Converts to Result<T> (dropping the outcome) so callers that do
/// not care can keep using Result/Status. Only requests sent with Replay::OutcomeUnknownIsError can fail with
/// Outcome::Unknown; the message then says so and asks to re-read the state.
template <class T>
class [[nodiscard]] ClusterResult {
public:
    ClusterResult(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    ClusterResult(Error error, Outcome outcome = Outcome::Known)
        : m_state(std::in_place_index<1>, std::move(error)), m_outcome(outcome) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(m_state); }
    /// Known on success; on failure, whether the request may have been applied.
    Outcome outcome() const { return m_outcome; }
    bool outcome_unknown() const { return !ok() && m_outcome == Outcome::Unknown; }

    operator Result<T>() const& { return ok() ? Result<T>(value()) : Result<T>(error()); }
    operator Result<T>() && { return ok() ? Result<T>(std::move(value())) : Result<T>(error()); }

private:
    std::variant<T, Error> m_state;
    Outcome m_outcome = Outcome::Known;
};

/// ClusterResult with no value.
using ClusterStatus = ClusterResult<Unit>;

}  // namespace aliasing::cluster
