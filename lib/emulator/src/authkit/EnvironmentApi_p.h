#pragma once

#include "EmulatorState_p.h"
#include "HttpMessage_p.h"

#include <optional>

namespace authkit::emulator {

// The environment-configuration calls Convex's CLI makes with an API key when it provisions a
// project (lib/emulator/README.md, "Environment configuration"), in WorkOS's shapes:
// POST /user_management/redirect_uris {uri}, POST /user_management/cors_origins {origin},
// PUT /user_management/app_homepage_url {url}. Their effect is immediate: /authorize accepts
// the redirect URI, the API answers the origin with CORS headers.
class EnvironmentApi
{
public:
    explicit EnvironmentApi(EmulatorState &state)
        : m_state(state)
    {
    }

    HttpResponse addRedirectUri(const HttpRequest &request);
    HttpResponse addCorsOrigin(const HttpRequest &request);
    HttpResponse setAppHomepageUrl(const HttpRequest &request);

private:
    // The request's JSON object with a string field `name`, or its 422 in *error. Each handler
    // checks the API key first (EmulatorState::requireApiKey).
    static std::optional<QString> stringField(const HttpRequest &request, const char *name,
                                              HttpResponse *error);

    EmulatorState &m_state;
};

} // namespace authkit::emulator
