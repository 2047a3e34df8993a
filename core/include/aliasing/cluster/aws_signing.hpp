#pragma once
/// Where SigV4 signing is configured (SPEC §14): `--aws-sigv4` or ALIASING_AWS_SIGV4=1, `--aws-region` or
/// AWS_REGION (AWS_DEFAULT_REGION), `--aws-service` es (default) or aoss; credentials from AWS_ACCESS_KEY_ID,
/// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, else the shared credentials file (AWS_SHARED_CREDENTIALS_FILE or
/// ~/.aws/credentials, profile AWS_PROFILE or "default"). Web identity and instance metadata are not read.

#include "aliasing/cluster/connection_options.hpp"
#include "aliasing/cluster/sigv4.hpp"
#include "aliasing/common/result.hpp"

#include <optional>
#include <string>

namespace aliasing::cluster {

struct AwsSigningFlags {
    bool sigv4 = false;                 ///< --aws-sigv4
    std::optional<std::string> region;  ///< --aws-region
    std::optional<std::string> service; ///< --aws-service
};

/// nullopt when signing is off. Usage errors (exit 2): no region, an unknown service, no credentials, a key
/// without its secret, an unreadable or malformed credentials file, a missing profile. No message has a secret.
Result<std::optional<SigV4Config>> aws_signing_from(const AwsSigningFlags& flags, const GetEnv& getenv);

}  // namespace aliasing::cluster
