#pragma once

#include "EmulatorState_p.h"
#include "HttpMessage_p.h"

namespace authkit::emulator {

// WorkOS's server-side user management for one user (lib/emulator/README.md, "Endpoints"):
// PUT /user_management/users/:id updates the user, DELETE removes the user and ends their
// sessions. Both need an API key (--api-key) as a Bearer token and record user.updated /
// user.deleted, which the Events API serves and the webhooks (and the Convex deployment's
// WorkOS component) receive.
class UsersApi
{
public:
    explicit UsersApi(EmulatorState &state)
        : m_state(state)
    {
    }

    HttpResponse update(const HttpRequest &request, const QString &userId);
    HttpResponse remove(const HttpRequest &request, const QString &userId);

private:
    // 401 without the API key, 404 for an unknown user; nullptr then, with *error.
    User *authorizedUser(const HttpRequest &request, const QString &userId, HttpResponse *error);

    EmulatorState &m_state;
};

} // namespace authkit::emulator
