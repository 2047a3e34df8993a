#include "aliasing/common/result.hpp"

namespace aliasing {

int exit_code(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Usage: return 2;
        case ErrorKind::AlreadyLive: return 3;
        case ErrorKind::Validation: return 4;
        case ErrorKind::Unreachable: return 5;
        case ErrorKind::StepFailed: return 6;
        case ErrorKind::AliasMoved: return 7;
        case ErrorKind::Aborted: return 99;
        case ErrorKind::Interrupted: return 6;
        case ErrorKind::Split: return 8;
    }
    return 6;
}

const char* to_string(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Usage: return "usage";
        case ErrorKind::AlreadyLive: return "already_live";
        case ErrorKind::Validation: return "validation";
        case ErrorKind::Unreachable: return "unreachable";
        case ErrorKind::StepFailed: return "step_failed";
        case ErrorKind::AliasMoved: return "alias_moved";
        case ErrorKind::Aborted: return "aborted";
        case ErrorKind::Interrupted: return "interrupted";
        case ErrorKind::Split: return "split";
    }
    return "step_failed";
}

}  // namespace aliasing
