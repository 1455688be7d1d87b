#pragma once

#include "EmulatorState_p.h"
#include "HttpMessage_p.h"

#include <QCoreApplication>

namespace authkit::emulator {

// /_emulator/: the knobs tests and developers turn (faults, revocation, key rotation, the clock)
// and the dev inbox. Writes need a JSON content type, which a web page cannot send cross-site
// without a CORS preflight this server never grants.
class ControlApi
{
    // The dev inbox page is in the browser's language: language.tr() (PageLanguage).
    Q_DECLARE_TR_FUNCTIONS(HostedPages)
public:
    explicit ControlApi(EmulatorState &state)
        : m_state(state)
    {
    }

    HttpResponse health(const HttpRequest &request);
    HttpResponse addFault(const HttpRequest &request);
    HttpResponse listFaults(const HttpRequest &request);
    HttpResponse clearFaults(const HttpRequest &request);
    HttpResponse listSessions(const HttpRequest &request);
    HttpResponse revokeSession(const HttpRequest &request, const QString &sessionId);
    HttpResponse rotateKey(const HttpRequest &request);
    HttpResponse moveClock(const HttpRequest &request);
    HttpResponse inboxJson(const HttpRequest &request);
    // How many records the emulator holds (login attempts, codes, refresh tokens, inbox): the
    // caps of lib/emulator/README.md, "Limits", made visible for tests.
    HttpResponse stats(const HttpRequest &request);
    // How many authenticate requests reached each grant since the start.
    HttpResponse requests(const HttpRequest &request);
    HttpResponse inboxPage(const HttpRequest &request);
    // A webhook endpoint {url, secret}, as --webhook-url and --webhook-secret add one.
    HttpResponse addWebhook(const HttpRequest &request);
    // The endpoints (URLs only) and the recent deliveries with their attempts and last status.
    HttpResponse listWebhooks(const HttpRequest &request);

private:
    // The JSON object body of a control write, or an error response in *error.
    std::optional<QJsonObject> jsonBody(const HttpRequest &request, HttpResponse *error) const;

    EmulatorState &m_state;
};

} // namespace authkit::emulator
