#pragma once

// The second client of scripts/soak.sh: signed in to the AuthKit emulator as its own user, it
// sends a Convex message every few seconds and prints when each was sent, and every so often
// injects a fault through the emulator's control API (lib/emulator/README.md). The desktop app
// under test logs when each message reaches its live subscription; the script pairs the two.

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace convexrig {
struct SignedInUser;
}
namespace authkit::convex {
class ConvexClient;
}

class SoakDriver : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QUrl apiBaseUrl;
        QUrl convexUrl;
        QString clientId;
        QString email = QStringLiteral("grace@example.com");
        int messageIntervalMs = 2000;
        int faultIntervalMs = 20000;
    };

    explicit SoakDriver(const Options &options, QObject *parent = nullptr);
    ~SoakDriver() override;

    bool start(QString *error);

private:
    void sendMessage();
    void injectFault();
    void post(const QUrl &base, const QString &path, const QJsonObject &body, const QString &what);

    Options m_options;
    QNetworkAccessManager m_network;
    std::unique_ptr<convexrig::SignedInUser> m_user;
    std::unique_ptr<authkit::convex::ConvexClient> m_client;
    QTimer m_messageTimer;
    QTimer m_faultTimer;
    int m_sent = 0;
    int m_faults = 0;
};
