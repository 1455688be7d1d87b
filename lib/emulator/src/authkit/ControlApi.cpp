#include "ControlApi_p.h"

#include "PageRenderer_p.h"
#include "SigningKey_p.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace authkit::emulator {

std::optional<QJsonObject> ControlApi::jsonBody(const HttpRequest &request,
                                                HttpResponse *error) const
{
    if (request.mediaType() != "application/json") {
        *error = codeError(415, QStringLiteral("invalid_request"),
                           QStringLiteral("Control requests must be application/json."));
        return std::nullopt;
    }
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject()) {
        *error = codeError(400, QStringLiteral("invalid_request"),
                           QStringLiteral("The body must be a JSON object."));
        return std::nullopt;
    }
    return document.object();
}

HttpResponse ControlApi::health(const HttpRequest &)
{
    return HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}});
}

HttpResponse ControlApi::addFault(const HttpRequest &request)
{
    HttpResponse error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    QString message;
    const auto fault = FaultInjector::parse(*body, &message);
    if (!fault)
        return codeError(422, QStringLiteral("invalid_request_parameters"), message);
    const int id = m_state.faults().add(*fault);
    qCInfo(lcEmulator).noquote() << "fault" << id << "armed for" << fault->endpoint;
    return HttpResponse::json(201, {{QStringLiteral("id"), id}});
}

HttpResponse ControlApi::listFaults(const HttpRequest &)
{
    QJsonArray data;
    const QList<Fault> faults = m_state.faults().pending();
    for (const Fault &fault : faults)
        data.append(fault.toJson());
    return HttpResponse::json(200, {{QStringLiteral("data"), data}});
}

HttpResponse ControlApi::clearFaults(const HttpRequest &)
{
    m_state.faults().clear();
    return HttpResponse::json(200, {{QStringLiteral("cleared"), true}});
}

HttpResponse ControlApi::listSessions(const HttpRequest &)
{
    QJsonArray data;
    const QList<UserSession> sessions = m_state.sessions().sessions();
    for (const UserSession &session : sessions) {
        data.append(SessionRegistry::sessionJson(session));
    }
    return HttpResponse::json(200, {{QStringLiteral("data"), data}});
}

HttpResponse ControlApi::revokeSession(const HttpRequest &request, const QString &sessionId)
{
    HttpResponse error;
    if (!jsonBody(request, &error))
        return error;
    if (!m_state.sessions().revoke(sessionId))
        return messageError(404, QStringLiteral("Session %1 not found.").arg(sessionId));
    qCInfo(lcEmulator).noquote() << "session" << sessionId << "revoked";
    return HttpResponse::json(200, {{QStringLiteral("revoked"), true}});
}

HttpResponse ControlApi::rotateKey(const HttpRequest &request)
{
    HttpResponse error;
    if (!jsonBody(request, &error))
        return error;
    QString message;
    auto key = SigningKey::generate(&message);
    if (!key)
        return messageError(500, message);
    m_state.tokens().addKey(std::move(key));
    qCInfo(lcEmulator).noquote() << "signing key rotated to" << m_state.tokens().currentKid();
    return HttpResponse::json(200, {{QStringLiteral("kid"), m_state.tokens().currentKid()}});
}

HttpResponse ControlApi::moveClock(const HttpRequest &request)
{
    HttpResponse error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    const QJsonValue advance = body->value(QStringLiteral("advance_seconds"));
    if (!advance.isUndefined()) {
        if (!advance.isDouble() || std::abs(advance.toDouble()) > 1e9)
            return codeError(422, QStringLiteral("invalid_request_parameters"),
                             QStringLiteral("advance_seconds must be a number of seconds."));
        m_state.clock().advance(static_cast<qint64>(advance.toDouble()));
    }
    return HttpResponse::json(
        200, {{QStringLiteral("now"), isoTimestamp(m_state.clock().now())},
              {QStringLiteral("offset_seconds"), m_state.clock().offsetSeconds()}});
}

HttpResponse ControlApi::stats(const HttpRequest &)
{
    SessionRegistry &registry = m_state.sessions();
    return HttpResponse::json(
        200, {{QStringLiteral("login_attempts"), registry.loginAttemptCount()},
              {QStringLiteral("authorization_codes"), registry.authorizationCodeCount()},
              {QStringLiteral("refresh_tokens"), registry.refreshTokenCount()},
              {QStringLiteral("sessions"), int(registry.sessions().size())},
              {QStringLiteral("inbox_messages"), int(m_state.inbox().size())}});
}

HttpResponse ControlApi::requests(const HttpRequest &)
{
    QJsonObject grants{{QStringLiteral("authorization_code"), 0},
                       {QStringLiteral("refresh_token"), 0}};
    const QHash<QString, int> &counts = m_state.grantCounts();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        grants.insert(it.key(), it.value());
    return HttpResponse::json(200, {{QStringLiteral("authenticate"), grants}});
}

HttpResponse ControlApi::inboxJson(const HttpRequest &)
{
    QJsonArray messages;
    for (const InboxMessage &message : m_state.inbox()) {
        messages.append(QJsonObject{{QStringLiteral("email"), message.email},
                                    {QStringLiteral("code"), message.code},
                                    {QStringLiteral("kind"), message.kind},
                                    {QStringLiteral("sent_at"), isoTimestamp(message.sentAt)}});
    }
    return HttpResponse::json(200, {{QStringLiteral("messages"), messages}});
}

HttpResponse ControlApi::inboxPage(const HttpRequest &request)
{
    const PageLanguage language = PageLanguage::of(request);
    QString rows;
    for (const InboxMessage &message : m_state.inbox()) {
        rows += QStringLiteral("<tr><td>%1</td><td class=\"code\">%2</td><td>%3</td></tr>\n")
                    .arg(PageRenderer::escape(message.email), PageRenderer::escape(message.code),
                         PageRenderer::escape(isoTimestamp(message.sentAt)));
    }
    if (rows.isEmpty())
        rows = QStringLiteral("<tr><td colspan=\"3\">%1</td></tr>")
                   .arg(PageRenderer::escape(language.tr("No messages yet.")));
    return PageRenderer::response(200, QStringLiteral("inbox"), language, language.tr("Dev inbox"),
                                  {{QStringLiteral("rows"), rows},
                                   {QStringLiteral("app_name"), language.tr("AuthKit emulator")}});
}

HttpResponse ControlApi::addWebhook(const HttpRequest &request)
{
    HttpResponse error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    const QUrl url(body->value(QStringLiteral("url")).toString(), QUrl::StrictMode);
    const QByteArray secret = body->value(QStringLiteral("secret")).toString().toUtf8();
    QString why;
    if (!m_state.webhooks().addEndpoint(url, secret, &why))
        return codeError(422, QStringLiteral("invalid_request_parameters"), why);
    return HttpResponse::json(201, {{QStringLiteral("url"), url.toString()}});
}

HttpResponse ControlApi::listWebhooks(const HttpRequest &)
{
    QJsonArray endpoints;
    for (const WebhookDispatcher::Endpoint &endpoint : m_state.webhooks().endpoints())
        endpoints.append(QJsonObject{{QStringLiteral("url"), endpoint.url.toString()}});
    QJsonArray deliveries;
    for (const WebhookDispatcher::Delivery &delivery : m_state.webhooks().deliveries()) {
        deliveries.append(QJsonObject{{QStringLiteral("event_id"), delivery.eventId},
                                      {QStringLiteral("url"), delivery.url.toString()},
                                      {QStringLiteral("attempts"), delivery.attempts},
                                      {QStringLiteral("last_status"), delivery.lastStatus},
                                      {QStringLiteral("delivered"), delivery.delivered}});
    }
    return HttpResponse::json(200, {{QStringLiteral("endpoints"), endpoints},
                                    {QStringLiteral("deliveries"), deliveries}});
}

} // namespace authkit::emulator
