#pragma once

#include <authkitqt/emulator/EmulatorOptions.h>

#include <QObject>
#include <QUrl>

#include <memory>
#include <authkitqt/emulator/authkitqt_emulator_export.h>

namespace authkit::emulator {

class EmulatorState;
class EmulatorHttpServer;
class ConvexDeploymentServer;

// A local WorkOS AuthKit: the user-management endpoints, the hosted login pages, the JWKS and a
// control API for tests; and, on a port of its own, a Convex deployment that trusts its tokens.
// Runs in the calling thread's event loop, on 127.0.0.1 only.
class AUTHKITQT_EMULATOR_EXPORT AuthKitEmulator : public QObject
{
    Q_OBJECT
public:
    explicit AuthKitEmulator(EmulatorOptions options, QObject *parent = nullptr);
    ~AuthKitEmulator() override;

    // Loads the seed and the signing key and starts listening. False, with errorString(), when
    // the seed or key cannot be read or the port cannot be bound.
    bool start();

    QString errorString() const;
    quint16 port() const;
    QUrl baseUrl() const;               // http://127.0.0.1:<port>
    // The Convex deployment started alongside: http://127.0.0.1:<port>, sync at /api/sync.
    QUrl convexUrl() const;
    QStringList clientIds() const;      // in seed order: the first is the development client
    QString issuerFor(const QString &clientId) const;

Q_SIGNALS:
    // A one-time code was "sent" by e-mail (it is also on /_emulator/inbox).
    void oneTimeCodeSent(const QString &email, const QString &code);

private:
    std::unique_ptr<ConvexDeploymentServer> startConvex(EmulatorState &state,
                                                        const QString &dataDir);

    EmulatorOptions m_options;
    QString m_error;
    std::unique_ptr<EmulatorState> m_state;
    std::unique_ptr<EmulatorHttpServer> m_server;
    std::unique_ptr<ConvexDeploymentServer> m_convex;
    QUrl m_convexUrl;
};

} // namespace authkit::emulator
