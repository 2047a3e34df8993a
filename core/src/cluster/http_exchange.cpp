#include "aliasing/cluster/http_exchange.hpp"

namespace aliasing::cluster {

std::string_view method_name(Method method) {
    switch (method) {
        case Method::Get: return "GET";
        case Method::Head: return "HEAD";
        case Method::Post: return "POST";
        case Method::Put: return "PUT";
        case Method::Delete: return "DELETE";
    }
    return "GET";
}

}  // namespace aliasing::cluster
