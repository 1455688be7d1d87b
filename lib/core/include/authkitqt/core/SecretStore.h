#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

/// One named secret at a time, asynchronously: the OS keychain in the app, memory as fallback.
/// "Unavailable" (no Secret Service, locked, no backend) is told apart from other failures so the
/// session can go on in memory and the user be told.
class AUTHKITQT_CORE_EXPORT SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Status { Ok, NotFound, Unavailable, Denied, Failed };
    Q_ENUM(Status)

    using ReadCallback = std::function<void(Status, const QByteArray &secret, const QString &error)>;
    using WriteCallback = std::function<void(Status, const QString &error)>;

    using QObject::QObject;

    virtual void read(const QString &key, ReadCallback done) = 0;
    virtual void write(const QString &key, const QByteArray &secret, WriteCallback done) = 0;
    virtual void remove(const QString &key, WriteCallback done) = 0;
    /// For the user: "Secret Service", "memory only", ...
    virtual QString backendName() const = 0;
    virtual bool isPersistent() const = 0;
};

} // namespace authkit
