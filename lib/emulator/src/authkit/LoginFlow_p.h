#pragma once

#include "EmulatorState_p.h"
#include "HttpMessage_p.h"

namespace authkit::emulator {

// The steps of one hosted sign-in after authorize accepted it: which page comes next (second
// factor, organization), how a silent or auto-approved sign-in ends, and the redirect back.
class LoginFlow
{
public:
    static constexpr char kBrowserCookie[] = "authkit_emulator_session";

    explicit LoginFlow(EmulatorState &state)
        : m_state(state)
    {
    }

    // Auto-approve, a silent sign-in from the browser's AuthKit session, or the first page.
    HttpResponse begin(const QString &attemptId, const HttpRequest &request, bool forcePrompt);
    // The first factor passed: the second factor if the user has one and the method asks for
    // it, then the organization, then the redirect back.
    HttpResponse firstFactorPassed(const QString &attemptId, const QString &userId,
                                   const QString &method, const HttpRequest &request);
    // After the second factor: organization choice or done.
    HttpResponse secondFactorPassed(const QString &attemptId, const HttpRequest &request);
    // Ends the attempt with a session, a code and the redirect to the app.
    HttpResponse finish(const QString &attemptId, const QString &userId, const QString &method,
                        const QString &organizationId, const HttpRequest &request);
    // Ends the attempt with error / error_description / state on the redirect URI.
    HttpResponse errorRedirect(const QString &attemptId, const QString &error,
                               const QString &description);

    QUrl pageUrl(const QString &page, const QString &attemptId) const;
    static QUrl withQuery(const QUrl &base, const QList<QPair<QString, QString>> &items);

private:
    HttpResponse chooseOrganization(const QString &attemptId, const HttpRequest &request);
    void acceptInvitation(const LoginAttempt &attempt, User &user);

    EmulatorState &m_state;
};

} // namespace authkit::emulator
