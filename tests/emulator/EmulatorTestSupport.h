#pragma once

// Shared by the emulator's integration suites: starting an in-process emulator and the default
// seed's identifiers (resources/emulator/default-seed.json, lib/emulator/README.md).

#include <authkitqt/emulator/AuthKitEmulator.h>

#include <QString>
#include <QtDebug>

#include <memory>

namespace authkit::emulator::tests {

inline std::unique_ptr<AuthKitEmulator> startEmulator(EmulatorOptions options = {})
{
    auto emulator = std::make_unique<AuthKitEmulator>(std::move(options));
    if (!emulator->start()) {
        qWarning().noquote() << "the emulator did not start:" << emulator->errorString();
        return nullptr;
    }
    return emulator;
}

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
