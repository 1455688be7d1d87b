#include <authkitqt/core/AuthKitApi.h>

#include "Logging_p.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcApi, "authkit.api")

namespace authkit {

namespace {

constexpr qint64 kMaxResponseBytes = 1024 * 1024;

// User-visible text of this file, in the translation context lupdate files it under.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AuthKitApi)
};

QNetworkRequest jsonRequest(const QUrl &url, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "AuthKitQt/" AUTHKITQT_VERSION);
    request.setTransferTimeout(timeoutMs);
    // Redirects are never followed: an authenticate call answered by a redirect is an error.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return request;
}

int retryAfterSeconds(QNetworkReply *reply)
{
    const QByteArray value = reply->rawHeader("Retry-After").trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = value.toInt(&ok);
    if (ok)
        return qBound(0, seconds, 3600);
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    if (date.isValid())
        return qBound(0, static_cast<int>(QDateTime::currentDateTimeUtc().secsTo(date)), 3600);
    return -1;
}

} // namespace

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::BadResponse:
        return false;
    case Kind::Http:
        return httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }
    return false;
}

QString ApiError::message() const
{
    switch (kind) {
    case Kind::Network:
        return Text::tr("Cannot reach WorkOS: %1").arg(description);
    case Kind::Timeout:
        return Text::tr("WorkOS did not answer in time.");
    case Kind::BadResponse:
        return Text::tr("WorkOS sent a response this app cannot read: %1").arg(description);
    case Kind::Http:
        break;
    }
    if (httpStatus == 408)
        return Text::tr("WorkOS did not answer in time.");
    if (httpStatus == 429)
        return Text::tr("Too many requests to WorkOS; trying again shortly.");
    if (httpStatus >= 500)
        return Text::tr("WorkOS is having trouble (HTTP %1); trying again shortly.").arg(httpStatus);
    if (code == QLatin1String("invalid_grant")) {
        // Say why in words; WorkOS's own description follows for the record.
        QString why;
        if (description.contains(QLatin1String("already exchanged"), Qt::CaseInsensitive))
            why = Text::tr("its refresh token was already used (by another program with this "
                           "session, or a reply that was lost on the way)");
        else if (description.contains(QLatin1String("expired"), Qt::CaseInsensitive))
            why = Text::tr("it expired");
        else if (description.contains(QLatin1String("Session has ended"), Qt::CaseInsensitive)
                 || description.contains(QLatin1String("revoked"), Qt::CaseInsensitive))
            why = Text::tr("it was signed out or revoked");
        else
            why = Text::tr("WorkOS no longer accepts it");
        return description.isEmpty()
                   ? Text::tr("Your session has ended: %1. Please sign in again.").arg(why)
                   : Text::tr("Your session has ended: %1 (%2). Please sign in again.")
                         .arg(why, description);
    }
    if (!description.isEmpty())
        return code.isEmpty() ? description : QStringLiteral("%1 (%2)").arg(description, code);
    return Text::tr("WorkOS refused the request (HTTP %1 %2).").arg(httpStatus).arg(code);
}

AuthKitApi::AuthKitApi(AuthKitConfig config, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(network)
{
}

ApiError AuthKitApi::errorFromReply(QNetworkReply *reply, const QByteArray &body)
{
    ApiError error;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        error.kind = reply->error() == QNetworkReply::OperationCanceledError
                             || reply->error() == QNetworkReply::TimeoutError
                         ? ApiError::Kind::Timeout
                         : ApiError::Kind::Network;
        error.description = reply->errorString();
        return error;
    }
    error.kind = ApiError::Kind::Http;
    error.httpStatus = status;
    error.retryAfterSecs = retryAfterSeconds(reply);
    // Both WorkOS envelopes: {"error","error_description"} and {"code","message"}.
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    error.code = object.value(QStringLiteral("error")).toString(
        object.value(QStringLiteral("code")).toString());
    error.description = object.value(QStringLiteral("error_description"))
                            .toString(object.value(QStringLiteral("message")).toString());
    return error;
}

void AuthKitApi::authenticateWithCode(const QString &code, const QString &codeVerifier,
                                      AuthCallback done)
{
    postAuthenticate({{QStringLiteral("client_id"), m_config.clientId},
                      {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                      {QStringLiteral("code"), code},
                      {QStringLiteral("code_verifier"), codeVerifier}},
                     std::move(done));
}

void AuthKitApi::authenticateWithRefreshToken(const QString &refreshToken,
                                              const QString &organizationId, AuthCallback done)
{
    QJsonObject body{{QStringLiteral("client_id"), m_config.clientId},
                     {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                     {QStringLiteral("refresh_token"), refreshToken}};
    if (!organizationId.isEmpty())
        body.insert(QStringLiteral("organization_id"), organizationId);
    postAuthenticate(body, std::move(done));
}

void AuthKitApi::postAuthenticate(const QJsonObject &body, AuthCallback done)
{
    const QString grant = body.value(QStringLiteral("grant_type")).toString();
    QNetworkReply *reply = m_network->post(jsonRequest(m_config.authenticateUrl(), m_timeoutMs),
                                           QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [reply, grant, done = std::move(done)] {
        reply->deleteLater();
        const QByteArray payload = reply->read(kMaxResponseBytes);
        AuthResult result;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200 || reply->error() != QNetworkReply::NoError) {
            result.error = errorFromReply(reply, payload);
            qCInfo(lcApi).noquote() << "authenticate" << grant << "failed:" << status
                                    << result.error.code
                                    << (result.error.isTransient() ? "(transient)" : "(terminal)");
            done(result);
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(payload).object();
        AuthResponse response;
        response.user = WorkOSUser::fromJson(object.value(QStringLiteral("user")).toObject());
        response.organizationId = object.value(QStringLiteral("organization_id")).toString();
        response.accessToken = object.value(QStringLiteral("access_token")).toString();
        response.refreshToken = object.value(QStringLiteral("refresh_token")).toString();
        response.authenticationMethod =
            object.value(QStringLiteral("authentication_method")).toString();
        const QJsonObject impersonator = object.value(QStringLiteral("impersonator")).toObject();
        response.impersonatorEmail = impersonator.value(QStringLiteral("email")).toString();
        response.impersonationReason = impersonator.value(QStringLiteral("reason")).toString();
        if (response.user.isNull() || response.accessToken.isEmpty()
            || response.refreshToken.isEmpty()) {
            result.error.kind = ApiError::Kind::BadResponse;
            result.error.httpStatus = status;
            result.error.description = Text::tr("the response lacks the user or the tokens");
            done(result);
            return;
        }
        qCInfo(lcApi).noquote() << "authenticate" << grant << "succeeded";
        result.response = response;
        done(result);
    });
}

void AuthKitApi::fetchJwks(JwksCallback done)
{
    QNetworkRequest request(m_config.jwksUrl());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QByteArray payload = reply->read(kMaxResponseBytes);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200 || reply->error() != QNetworkReply::NoError) {
            const ApiError error = errorFromReply(reply, payload);
            qCInfo(lcApi) << "JWKS fetch failed:" << status;
            done(QByteArray(), &error);
            return;
        }
        done(payload, nullptr);
    });
}

} // namespace authkit
