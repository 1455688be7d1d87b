#pragma once

#include "EventLog_p.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace authkit::emulator {

// Delivers every recorded event to the configured endpoints as WorkOS does
// (docs/workos-authkit.md#webhooks): a POST of the event's JSON, signed in the WorkOS-Signature
// header ("t=<ms>, v1=<hex HMAC-SHA256 of '<t>.<body>' with the endpoint's secret>"), retried
// with exponential backoff until the endpoint answers 2xx or the attempts run out.
class WebhookDispatcher : public QObject
{
    Q_OBJECT
public:
    struct Endpoint
    {
        QUrl url;
        QByteArray secret;
    };
    struct Delivery
    {
        QString eventId;
        QUrl url;
        int attempts = 0;
        int lastStatus = 0; // 0: no HTTP answer (connection refused, timeout)
        bool delivered = false;
    };
    static constexpr int kMaxAttempts = 6;

    explicit WebhookDispatcher(QObject *parent = nullptr);

    // First retry after this many ms, doubling each time (tests shorten it).
    void setFirstRetryDelayMs(int ms) { m_firstRetryDelayMs = ms; }
    // False, with *error, when url is not http(s) or the secret is empty.
    bool addEndpoint(const QUrl &url, const QByteArray &secret, QString *error);
    const QList<Endpoint> &endpoints() const { return m_endpoints; }
    // The most recent deliveries, newest last (bounded).
    const QList<Delivery> &deliveries() const { return m_deliveries; }

    void dispatch(const WorkOsEvent &event);


private:
    void attempt(QString eventId, Endpoint endpoint, QByteArray body);
    Delivery *delivery(const QString &eventId, const QUrl &url);

    QNetworkAccessManager m_network;
    QList<Endpoint> m_endpoints;
    QList<Delivery> m_deliveries;
    int m_firstRetryDelayMs = 1000;
};

} // namespace authkit::emulator
