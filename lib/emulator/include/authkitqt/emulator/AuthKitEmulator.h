#pragma once

#include <authkitqt/emulator/EmulatorOptions.h>

#include <QObject>
#include <QUrl>

#include <memory>
#include <authkitqt/emulator/authkitqt_emulator_export.h>

namespace authkit {
struct ConvexProjectFiles;
}

namespace authkit::emulator {

class EmulatorState;
class EmulatorHttpServer;
class ConvexDeploymentServer;
class EnvironmentSettings;
struct HttpPortSettings;

/// A local WorkOS AuthKit: the user-management endpoints, the hosted login pages, the JWKS and a
/// control API for tests; and, on a port of its own, a Convex deployment that trusts its tokens
/// (fetching their JWKS over HTTP, as the real backend does). Both ports share one hardened HTTP
/// core: limits, timeouts, a connection cap and a Host check (lib/emulator/README.md,
/// "Limits"). Runs in the calling thread's event loop, on 127.0.0.1 only.
class AUTHKITQT_EMULATOR_EXPORT AuthKitEmulator : public QObject
{
    Q_OBJECT
public:
    /// Nothing listens until start().
    explicit AuthKitEmulator(EmulatorOptions options, QObject *parent = nullptr);
    ~AuthKitEmulator() override;

    /// Loads the seed and the signing key and starts listening on both ports. False, with
    /// errorString(), when the seed, key or Convex auth config cannot be read or a port cannot be
    /// bound.
    bool start();

    /// Why start() failed.
    QString errorString() const;
    /// The AuthKit port; 0 before start().
    quint16 port() const;
    /// http://127.0.0.1:<port>: the WorkOS API base URL to configure a client with.
    QUrl baseUrl() const;
    /// The Convex deployment started alongside: http://127.0.0.1:<port>, sync at /api/sync.
    QUrl convexUrl() const;
    /// The client IDs in seed order: the first is the development client.
    QStringList clientIds() const;
    /// The iss of the access tokens issued to clientId.
    QString issuerFor(const QString &clientId) const;

Q_SIGNALS:
    /// A one-time code was "sent" by e-mail (it is also on /_emulator/inbox).
    void oneTimeCodeSent(const QString &email, const QString &code);

private:
    HttpPortSettings httpSettings() const;
    // The steps of start() that set m_error themselves.
    bool setUpEventsAndKeys(EmulatorState &state, const QString &keyFile);
    bool applyProject(const ConvexProjectFiles &project, EnvironmentSettings &environment);
    void connectWorkOsComponent(EmulatorState &state, ConvexDeploymentServer &convex);
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
