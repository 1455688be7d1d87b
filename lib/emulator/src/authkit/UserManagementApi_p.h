#pragma once

#include "EmulatorState_p.h"
#include "HttpMessage_p.h"
#include "LoginFlow_p.h"

#include <QCoreApplication>

namespace authkit::emulator {

// The WorkOS user-management endpoints a public client calls: authorize, authenticate, the JWKS
// and logout (docs/workos-authkit.md), with WorkOS's validation and error shapes.
class UserManagementApi
{
    // authorize's error pages are in the browser's language: language.tr() (PageLanguage).
    Q_DECLARE_TR_FUNCTIONS(HostedPages)
public:
    explicit UserManagementApi(EmulatorState &state)
        : m_state(state)
        , m_flow(state)
    {
    }

    HttpResponse authorize(const HttpRequest &request);
    HttpResponse authenticate(const HttpRequest &request);
    HttpResponse jwks(const HttpRequest &request, const QString &clientId);
    HttpResponse logout(const HttpRequest &request);

private:
    HttpResponse authorizationCodeGrant(const QJsonObject &body);
    HttpResponse refreshTokenGrant(const QJsonObject &body);

    EmulatorState &m_state;
    LoginFlow m_flow;
};

} // namespace authkit::emulator
