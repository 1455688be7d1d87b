#pragma once

#include <authkitqt/core/SecretStore.h>

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>
#include <QTest>

#include <memory>

// Runs one SecretStore call to completion and records how its callback was invoked, so a test
// can check the answer and the contract (asynchronous, exactly once) in one go.
namespace keychaintest {

using Status = authkit::SecretStore::Status;

struct Outcome {
    int calls = 0;                   // callback invocations so far
    bool calledBeforeReturn = false; // the callback ran inside read/write/remove
    Status status = Status::Failed;
    QByteArray secret;
    QString error;
};

inline constexpr int kCallbackTimeoutMs = 20000;

template<typename Start> Outcome runToCompletion(Start start) {
    auto outcome = std::make_shared<Outcome>();
    start(outcome);
    outcome->calledBeforeReturn = outcome->calls > 0;
    // A timeout shows as calls == 0, which the tests check.
    const bool called =
        QTest::qWaitFor([&outcome] { return outcome->calls > 0; }, kCallbackTimeoutMs);
    Q_UNUSED(called)
    return *outcome;
}

inline Outcome readKey(authkit::SecretStore &store, const QString &key) {
    return runToCompletion([&](const std::shared_ptr<Outcome> &outcome) {
        store.read(key, [outcome](Status status, const QByteArray &secret, const QString &error) {
            ++outcome->calls;
            outcome->status = status;
            outcome->secret = secret;
            outcome->error = error;
        });
    });
}

inline authkit::SecretStore::WriteCallback recordInto(const std::shared_ptr<Outcome> &outcome) {
    return [outcome](Status status, const QString &error) {
        ++outcome->calls;
        outcome->status = status;
        outcome->error = error;
    };
}

inline Outcome writeKey(authkit::SecretStore &store, const QString &key, const QByteArray &secret) {
    return runToCompletion([&](const std::shared_ptr<Outcome> &outcome) {
        store.write(key, secret, recordInto(outcome));
    });
}

inline Outcome removeKey(authkit::SecretStore &store, const QString &key) {
    return runToCompletion(
        [&](const std::shared_ptr<Outcome> &outcome) { store.remove(key, recordInto(outcome)); });
}

inline QString randomSuffix() {
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}

// Random bytes (every value, NULs included), like an encrypted refresh token.
inline QByteArray randomSecret(int size) {
    QByteArray secret(size, Qt::Uninitialized);
    for (char &byte : secret)
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return secret;
}

} // namespace keychaintest
