#pragma once
/// Recoverable errors as values: every fallible function of the engine returns Result<T>.

#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace aliasing {

/// What went wrong, at the granularity of the process exit code (SPEC §9).
enum class ErrorKind {
    Usage,        ///< bad command line or job file (exit 2)
    AlreadyLive,  ///< nothing to do (exit 3)
    Validation,   ///< the cluster's state forbids the promotion (exit 4)
    Unreachable,  ///< cluster unreachable, TLS or authentication failure (exit 5)
    StepFailed,   ///< a step failed; the cluster is safe and a rerun resumes (exit 6)
    AliasMoved,   ///< someone else moved the alias during the run (exit 7)
    Aborted,      ///< abort_run was set (exit 99)
    Interrupted,  ///< SIGTERM/SIGINT: stopped at a safe point, the cluster is safe, a rerun resumes (exit 6)
    Split,        ///< several clusters left serving different generations (exit 8); a rerun converges them
};

/// The process exit code for an error kind (SPEC §9).
int exit_code(ErrorKind kind);

/// Stable lowercase name, used in reports and JSON logs.
const char* to_string(ErrorKind kind);

/// Whether a failed request may still have changed the cluster.
enum class Outcome {
    Known,    ///< the node answered, or never got the request: the error says what happened
    Unknown,  ///< the request was sent and the connection failed before the answer: re-read the state it changes
};

struct Error {
    ErrorKind kind;
    std::string message;  ///< what, where, and what to do; never contains secrets
    /// Unknown only from requests that may change the cluster, sent with cluster::Replay::OutcomeUnknownIsError; the
    /// message then says so and asks to re-read the state.
    Outcome outcome = Outcome::Known;
};

inline Error make_error(ErrorKind kind, std::string message) { return Error{kind, std::move(message)}; }
/// A failure after which a change may or may not have been applied.
inline Error unknown_outcome_error(ErrorKind kind, std::string message) {
    return Error{kind, std::move(message), Outcome::Unknown};
}

/// Either a value or an Error. Minimal std::expected stand-in (C++20).
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

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
    /// A failure after which the request may still have been applied: re-read the state before deciding.
    bool outcome_unknown() const { return !ok() && error().outcome == Outcome::Unknown; }

private:
    std::variant<T, Error> m_state;
};

/// Result of an operation with no value.
struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

}  // namespace aliasing
