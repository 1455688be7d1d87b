#include "SoakDriver.h"

#include "ConvexEmulatorRig.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

#include <cstdio>

using namespace authkit;
using namespace authkit::convex;

namespace {

// One line per event on stdout, flushed at once: the script reads it while we run.
void printLine(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

// The clock of Qt's "%{time boot}" log pattern (monotonic, shared by every process, and cut
// to 32 bits as Qt prints it), so the script can subtract our times from the desktop's.
qint64 bootMs()
{
    return qint64(quint32(QDeadlineTimer::current().deadline()));
}

} // namespace

SoakDriver::SoakDriver(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    connect(&m_messageTimer, &QTimer::timeout, this, &SoakDriver::sendMessage);
    connect(&m_faultTimer, &QTimer::timeout, this, &SoakDriver::injectFault);
}

SoakDriver::~SoakDriver() = default;

bool SoakDriver::start(QString *error)
{
    AuthKitConfig config;
    config.profile = QStringLiteral("soak");
    config.clientId = m_options.clientId;
    config.apiBaseUrl = m_options.apiBaseUrl;
    config.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/callback"));
    // As ConfigLoader does for an emulator on 127.0.0.1: it signs as WorkOS does.
    config.acceptedIssuers = AuthKitConfig::defaultIssuers(config.apiBaseUrl, config.clientId)
                             + AuthKitConfig::defaultIssuers(
                                 QUrl(QLatin1String(AuthKitConfig::kDefaultApiBase)), config.clientId);
    m_user = convexrig::signIn(config, m_options.email);
    if (!m_user) {
        *error = QStringLiteral("could not sign %1 in").arg(m_options.email);
        return false;
    }
    m_client = std::make_unique<ConvexClient>(m_options.convexUrl);
    m_client->setAuth(m_user->source->fetcher(), [this](bool authenticated) {
        printLine(QStringLiteral("driver-auth %1").arg(authenticated ? QLatin1String("yes") : QLatin1String("no")));
        if (authenticated && !m_messageTimer.isActive()) {
            m_messageTimer.start(m_options.messageIntervalMs);
            if (m_options.faultIntervalMs > 0)
                m_faultTimer.start(m_options.faultIntervalMs);
        }
    });
    return true;
}

void SoakDriver::sendMessage()
{
    const int n = ++m_sent;
    const qint64 sentMs = bootMs();
    m_client->mutation(QStringLiteral("messages:send"),
                       convexrig::sendArgs(QStringLiteral("soak %1").arg(n)),
                       [n, sentMs](const ConvexResult &result) {
                           if (result.success)
                               printLine(QStringLiteral("sent %1 %2 %3")
                                             .arg(n)
                                             .arg(result.value.toString())
                                             .arg(sentMs));
                           else
                               printLine(QStringLiteral("send-failed %1 %2")
                                             .arg(n)
                                             .arg(result.errorMessage));
                       });
}

void SoakDriver::injectFault()
{
    // Round robin: the sync sockets dropped, an AuthError on every authenticated socket, and
    // the AuthKit refresh failing once in three ways (503, a slow answer, a dropped connection).
    const QUrl auth = m_options.apiBaseUrl;
    const QUrl convex = m_options.convexUrl;
    switch (m_faults++ % 5) {
    case 0:
        post(convex, QStringLiteral("/_emulator/sockets/close"), {}, QStringLiteral("sockets-close"));
        break;
    case 1:
        post(auth, QStringLiteral("/_emulator/faults"),
             {{QStringLiteral("endpoint"), QStringLiteral("authenticate")},
              {QStringLiteral("count"), 1},
              {QStringLiteral("action"), QStringLiteral("respond")},
              {QStringLiteral("status"), 503}},
             QStringLiteral("authenticate-503"));
        break;
    case 2:
        post(convex, QStringLiteral("/_emulator/auth-error"), {}, QStringLiteral("auth-error"));
        break;
    case 3:
        post(auth, QStringLiteral("/_emulator/faults"),
             {{QStringLiteral("endpoint"), QStringLiteral("authenticate")},
              {QStringLiteral("count"), 1},
              {QStringLiteral("action"), QStringLiteral("delay")},
              {QStringLiteral("delay_ms"), 700}},
             QStringLiteral("authenticate-slow"));
        break;
    case 4:
        post(auth, QStringLiteral("/_emulator/faults"),
             {{QStringLiteral("endpoint"), QStringLiteral("authenticate")},
              {QStringLiteral("count"), 1},
              {QStringLiteral("action"), QStringLiteral("drop")}},
             QStringLiteral("authenticate-drop"));
        break;
    }
}

void SoakDriver::post(const QUrl &base, const QString &path, const QJsonObject &body,
                      const QString &what)
{
    QUrl url = base;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [reply, what] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        printLine(QStringLiteral("fault %1 %2 %3")
                      .arg(what)
                      .arg(status)
                      .arg(bootMs()));
    });
}
