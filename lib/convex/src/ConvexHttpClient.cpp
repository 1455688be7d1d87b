#include <authkitqt/convex/ConvexHttpClient.h>

#include "ConvexLogging_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcConvexHttp, "authkit.convex.http")

namespace authkit::convex {

namespace {

constexpr int kStatusUdfFailed = 560; // older backends' "function failed"

ConvexResult parseEnvelope(const QJsonObject &body)
{
    ConvexResult result;
    for (const QJsonValue &line : body.value(QStringLiteral("logLines")).toArray())
        result.logLines.append(line.toString());
    const QString status = body.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("success")) {
        QString error;
        const auto value = ConvexValue::fromJson(body.value(QStringLiteral("value")), &error);
        if (!value)
            return ConvexResult::failure(error);
        result.success = true;
        result.value = *value;
        return result;
    }
    if (status == QLatin1String("error")) {
        result.errorMessage = body.value(QStringLiteral("errorMessage")).toString();
        if (body.contains(QStringLiteral("errorData"))) {
            if (const auto data = ConvexValue::fromJson(body.value(QStringLiteral("errorData"))))
                result.errorData = *data;
        }
        return result;
    }
    return ConvexResult::failure(QStringLiteral("Unexpected response from the Convex HTTP API"));
}

} // namespace

ConvexHttpClient::ConvexHttpClient(const QUrl &deploymentUrl, QNetworkAccessManager *network,
                                   QObject *parent)
    : QObject(parent)
    , m_url(deploymentUrl)
    , m_network(network ? network : new QNetworkAccessManager(this))
{
}

void ConvexHttpClient::query(const QString &path, const ConvexValue &args,
                             ConvexResultCallback done)
{
    call(QStringLiteral("query"), path, args, std::move(done));
}

void ConvexHttpClient::mutation(const QString &path, const ConvexValue &args,
                                ConvexResultCallback done)
{
    call(QStringLiteral("mutation"), path, args, std::move(done));
}

void ConvexHttpClient::action(const QString &path, const ConvexValue &args,
                              ConvexResultCallback done)
{
    call(QStringLiteral("action"), path, args, std::move(done));
}

void ConvexHttpClient::call(const QString &kind, const QString &path, const ConvexValue &args,
                            ConvexResultCallback done)
{
    QString error;
    const auto encodedArgs = (args.isNull() ? ConvexValue::fromObject({}) : args).toJson(&error);
    if (!encodedArgs || !encodedArgs->isObject()) {
        done(ConvexResult::failure(
            error.isEmpty() ? QStringLiteral("Function args must be an object") : error));
        return;
    }
    if (!m_network) {
        done(ConvexResult::failure(QStringLiteral("No network access manager")));
        return;
    }
    const QJsonObject body{{QStringLiteral("path"), path},
                           {QStringLiteral("args"), *encodedArgs},
                           {QStringLiteral("format"), QStringLiteral("convex_encoded_json")}};
    QUrl url = m_url;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + QStringLiteral("/api/") + kind);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Convex-Client"),
                         QByteArrayLiteral("authkitqt-" AUTHKITQT_VERSION));
    if (m_token)
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_token->toUtf8());
    QNetworkReply *reply =
        m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
        const QJsonObject json = document.object();
        if (status == 200 || status == kStatusUdfFailed) {
            done(parseEnvelope(json));
            return;
        }
        if (status == 0) {
            qCInfo(lcConvexHttp) << "request failed:" << reply->errorString();
            done(ConvexResult::failure(reply->errorString()));
            return;
        }
        // 4xx/5xx: {"code","message"} (401 for a token the deployment refused).
        const QString code = json.value(QStringLiteral("code")).toString();
        const QString message = json.value(QStringLiteral("message")).toString();
        qCInfo(lcConvexHttp) << "HTTP" << status << code;
        done(ConvexResult::failure(
            message.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                              : (code.isEmpty() ? message : code + QStringLiteral(": ") + message)));
    });
}

} // namespace authkit::convex
