#pragma once

// Shared by the suites that run an emulator in-process (tests/emulator, tests/convexdeployment):
// starting one on free ports of 127.0.0.1 (it has its URLs once start() returned), and the
// default seed's identifiers (resources/emulator/default-seed.json, lib/emulator/README.md).

#include <authkitqt/emulator/AuthKitEmulator.h>

#include <QString>
#include <QUrl>

#include <memory>

namespace authkit::emulator::tests {

/// Starts an emulator with options (ports 0: the system picks free ones); nullptr, with a
/// warning naming the reason, when it cannot start.
std::unique_ptr<AuthKitEmulator> startEmulator(EmulatorOptions options = {});

/// url's path replaced by path: baseUrl() or convexUrl() plus an endpoint.
QUrl endpoint(const QUrl &url, const QString &path);

namespace seed {
inline QString devClient() { return QStringLiteral("client_01J00000000000000000000DEV"); }
inline QString prodClient() { return QStringLiteral("client_01J00000000000000000000PRD"); }
inline QString unknownClient() { return QStringLiteral("client_01J0000000000000000000NOPE"); }

inline QString ada() { return QStringLiteral("ada@example.com"); }
inline QString adaId() { return QStringLiteral("user_01J0000000000000000000ADA"); }
inline QString grace() { return QStringLiteral("grace@example.com"); }
inline QString graceId() { return QStringLiteral("user_01J000000000000000000GRACE"); }
inline QString alan() { return QStringLiteral("alan@example.com"); }
inline QString alanId() { return QStringLiteral("user_01J0000000000000000000TRNG"); }
inline QString alanTotpSecret() { return QStringLiteral("JBSWY3DPEHPK3PXP"); }
inline QString katherine() { return QStringLiteral("katherine@example.com"); }
inline QString katherineId() { return QStringLiteral("user_01J00000000000000000000KJ"); }

inline QString engines() { return QStringLiteral("org_01J000000000000000000ENGNS"); }
inline QString harvard() { return QStringLiteral("org_01J000000000000000000HRVRD"); }
inline QString bletchley() { return QStringLiteral("org_01J000000000000000000BTCHY"); }
inline QString unknownOrg() { return QStringLiteral("org_01J00000000000000000000NOPE"); }

inline QString invitationToken() { return QStringLiteral("inv_EMULATORWELCOME"); }
inline QString invitedEmail() { return QStringLiteral("new.hire@example.com"); }
} // namespace seed

} // namespace authkit::emulator::tests
