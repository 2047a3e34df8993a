#include "aliasing/cluster/tls_context.hpp"

#include <Poco/Exception.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <fstream>

namespace aliasing::cluster {

Result<Poco::Net::Context::Ptr> make_tls_context(const ConnectionOptions& options, const std::string& verify_host) {
    using Poco::Net::Context;
    Context::Params params;
    params.verificationMode = options.tls == TlsVerification::Insecure ? Context::VERIFY_NONE : Context::VERIFY_RELAXED;
    params.verificationDepth = 9;
    params.loadDefaultCAs = options.ca_file.empty();
    if (!options.ca_file.empty()) {
        std::error_code ec;
        std::ifstream probe;
        if (std::filesystem::is_regular_file(options.ca_file, ec)) probe.open(options.ca_file);
        if (!probe) {
            return make_error(ErrorKind::Usage, "cannot read --ca-file '" + options.ca_file +
                                                    "'; pass the path of a readable PEM file with the cluster's CA "
                                                    "certificate");
        }
        params.caLocation = options.ca_file;
    }
    try {
        Context::Ptr context = new Context(Context::TLS_CLIENT_USE, params);
        context->disableProtocols(Context::PROTO_SSLV2 | Context::PROTO_SSLV3 | Context::PROTO_TLSV1 |
                                  Context::PROTO_TLSV1_1);
        if (options.tls == TlsVerification::Verify && !verify_host.empty()) {
            X509_VERIFY_PARAM* param = SSL_CTX_get0_param(context->sslContext());
            const bool is_ip = X509_VERIFY_PARAM_set1_ip_asc(param, verify_host.c_str()) == 1;
            if (!is_ip) X509_VERIFY_PARAM_set1_host(param, verify_host.c_str(), verify_host.size());
        }
        return context;
    } catch (const Poco::Exception& e) {
        return make_error(ErrorKind::Usage, "cannot set up TLS with --ca-file '" + options.ca_file +
                                                "': " + e.displayText() + "; pass a PEM file with the cluster's CA "
                                                "certificate");
    }
}

}  // namespace aliasing::cluster
