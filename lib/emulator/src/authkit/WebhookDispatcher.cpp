#include "WebhookDispatcher_p.h"

#include "EmulatorLog_p.h"
#include "WorkOsSignature_p.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace authkit::emulator {

namespace {
constexpr int kMaxDeliveriesKept = 1000;
constexpr int kDeliveryTimeoutMs = 10000;
} // namespace

WebhookDispatcher::WebhookDispatcher(QObject *parent)
    : QObject(parent)
{
}

bool WebhookDispatcher::addEndpoint(const QUrl &url, const QByteArray &secret, QString *error)
{
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        *error = QStringLiteral("a webhook URL must be an absolute http or https URL");
        return false;
    }
    if (secret.isEmpty()) {
        *error = QStringLiteral("a webhook endpoint needs a secret to sign its deliveries with");
        return false;
    }
    m_endpoints.append(Endpoint{url, secret});
    return true;
}

void WebhookDispatcher::dispatch(const WorkOsEvent &event)
{
    const QByteArray body = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
    for (const Endpoint &endpoint : std::as_const(m_endpoints)) {
        if (m_deliveries.size() >= kMaxDeliveriesKept)
            m_deliveries.removeFirst();
        m_deliveries.append(Delivery{event.id, endpoint.url});
        attempt(event.id, endpoint, body);
    }
}

WebhookDispatcher::Delivery *WebhookDispatcher::delivery(const QString &eventId, const QUrl &url)
{
    for (qsizetype i = m_deliveries.size() - 1; i >= 0; --i) {
        if (m_deliveries.at(i).eventId == eventId && m_deliveries.at(i).url == url)
            return &m_deliveries[i];
    }
    return nullptr; // dropped from the bounded list: delivery goes on, unrecorded
}

void WebhookDispatcher::attempt(QString eventId, Endpoint endpoint, QByteArray body)
{
    QNetworkRequest request(endpoint.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // Signed anew on each attempt, as WorkOS does: the timestamp is the attempt's.
    request.setRawHeader("WorkOS-Signature", workos::signatureHeader(body, endpoint.secret,
                                                             QDateTime::currentMSecsSinceEpoch()));
    request.setTransferTimeout(kDeliveryTimeoutMs);
    QNetworkReply *reply = m_network.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [=] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        Delivery *record = delivery(eventId, endpoint.url);
        const int attempts = record ? ++record->attempts : 0;
        if (record)
            record->lastStatus = status;
        if (status >= 200 && status < 300) {
            if (record)
                record->delivered = true;
            return;
        }
        if (!record || attempts >= kMaxAttempts) {
            qCWarning(lcEmulator).noquote()
                << "webhook" << eventId << "to" << endpoint.url.toString() << "given up after"
                << attempts << "attempts (last status" << status << ")";
            return;
        }
        const int delay = m_firstRetryDelayMs * (1 << (attempts - 1));
        QTimer::singleShot(delay, this, [=] { attempt(eventId, endpoint, body); });
    });
}

} // namespace authkit::emulator
