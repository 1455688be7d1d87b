#include <authkitqt/keychain/KeychainSecretStore.h>

#include <QLoggingCategory>

#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define AUTHKIT_SECRET_SERVICE 1
#include <QDBusConnection>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMap>

#include "SecretServiceReader_p.h"
#include "SecretServiceSession_p.h"
#endif

#include <utility>

Q_LOGGING_CATEGORY(lcKeychain, "authkit.keychain")

namespace authkit {

namespace {

using Status = SecretStore::Status;
enum class Operation { Read, Write, Remove };

QLatin1String operationName(Operation operation) {
    switch (operation) {
    case Operation::Read:
        return QLatin1String("read");
    case Operation::Write:
        return QLatin1String("write");
    case Operation::Remove:
        return QLatin1String("remove");
    }
    return QLatin1String("?");
}

// Every job is configured here so the plaintext fallback cannot be switched on by accident.
void configure(QKeychain::Job *job, const QString &key) {
    job->setKey(key);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
}

Status statusFor(QKeychain::Error error, Operation operation) {
    switch (error) {
    case QKeychain::NoError:
        return Status::Ok;
    case QKeychain::EntryNotFound:
        // Removing what is not there is what sign-out wants (Windows and macOS say NotFound).
        return operation == Operation::Remove ? Status::Ok : Status::NotFound;
    case QKeychain::NoBackendAvailable:
        return Status::Unavailable;
    case QKeychain::AccessDeniedByUser:
        return Status::Denied;
    case QKeychain::AccessDenied:
#ifdef AUTHKIT_SECRET_SERVICE
        // qtkeychain 0.13's Linux backends say AccessDenied only for a keyring nobody unlocked:
        // libsecret's SECRET_ERROR_IS_LOCKED, KWallet refusing to open the wallet.
        return Status::Unavailable;
#else
        return Status::Denied;
#endif
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return Status::Failed;
    }
    return Status::Failed;
}

QString messageFor(Status status, const QString &detail) {
    QString message;
    switch (status) {
    case Status::Ok:
    case Status::NotFound:
        return QString();
    case Status::Unavailable:
        message = KeychainSecretStore::tr("The system keychain is not available or locked.");
        break;
    case Status::Denied:
        message = KeychainSecretStore::tr("Access to the system keychain was denied.");
        break;
    case Status::Failed:
        message = KeychainSecretStore::tr("The system keychain reported an error.");
        break;
    }
    if (!detail.isEmpty())
        message += u' ' + detail;
    return message;
}

#ifdef AUTHKIT_SECRET_SERVICE
enum class ServiceCheck { Answered, Unreachable, ItemLocked };

// qtkeychain passes on libsecret's message but not its error domain, and libsecret reports a
// locked keyring whose unlock prompt was dismissed as "not found" on read and as done on delete
// (the item stays). One SearchItems call on the Secret Service settles both: no answer means no
// service; a match among the locked items means the entry is there but locked.
void checkSecretService(const QString &service, const QString &key, QObject *context,
                        std::function<void(ServiceCheck)> done) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(ServiceCheck::Unreachable);
        return;
    }
    static const QMetaType attributesType = qDBusRegisterMetaType<QMap<QString, QString>>();
    Q_UNUSED(attributesType)

    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    // Only ask a running service: activating one here could start the wrong daemon (Plasma).
    call.setAutoStartService(false);
    // The attributes qtkeychain's libsecret schema files every entry under.
    const QMap<QString, QString> attributes{
        {QStringLiteral("xdg:schema"), QStringLiteral("org.qt.keychain")},
        {QStringLiteral("server"), service},
        {QStringLiteral("user"), key},
    };
    call << QVariant::fromValue(attributes);

    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), context);
    QObject::connect(
        watcher, &QDBusPendingCallWatcher::finished, context, [watcher, done = std::move(done)] {
            watcher->deleteLater();
            const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply =
                *watcher;
            if (reply.isError()) {
                const QDBusError error = reply.error();
                // Without auto-start the bus says NameHasNoOwner (no enum value).
                const bool gone =
                    error.type() == QDBusError::ServiceUnknown ||
                    error.type() == QDBusError::Disconnected ||
                    error.type() == QDBusError::NoServer ||
                    error.name() == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner");
                done(gone ? ServiceCheck::Unreachable : ServiceCheck::Answered);
                return;
            }
            done(reply.argumentAt<1>().isEmpty() ? ServiceCheck::Answered
                                                 : ServiceCheck::ItemLocked);
        });
}
#endif

using Done = std::function<void(Status, const QString &error)>;

// Turns a finished job into one callback, asking the Secret Service where qtkeychain is vague.
void complete(QObject *context, const QString &service, Operation operation, const QString &key,
              const QKeychain::Job *job, Done done) {
    const Status status = statusFor(job->error(), operation);
    auto finish = [operation, service, key, done = std::move(done)](Status result,
                                                                    const QString &detail) {
        if (result == Status::Ok || result == Status::NotFound) {
            qCDebug(lcKeychain) << operationName(operation) << key << result;
        } else {
            qCWarning(lcKeychain).noquote()
                << operationName(operation) << key << "in" << service << result << detail;
        }
        done(result, messageFor(result, detail));
    };

#ifdef AUTHKIT_SECRET_SERVICE
    const bool failed = status == Status::Failed;
    const bool maybeLocked = (operation == Operation::Read && status == Status::NotFound) ||
                             (operation == Operation::Remove && status == Status::Ok);
    if (failed || maybeLocked) {
        checkSecretService(
            service, key, context,
            [status, failed, detail = job->errorString(),
             finish = std::move(finish)](ServiceCheck check) {
                if (check == ServiceCheck::ItemLocked)
                    finish(Status::Unavailable,
                           KeychainSecretStore::tr("The entry is in a locked keyring."));
                else if (failed && check == ServiceCheck::Unreachable)
                    finish(Status::Unavailable, detail);
                else
                    finish(status, detail);
            });
        return;
    }
#else
    Q_UNUSED(context)
#endif
    finish(status, job->errorString());
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service)) {}

KeychainSecretStore::~KeychainSecretStore() = default;

// Jobs get no parent: deleting a job whose libsecret call is still pending leaves qtkeychain with
// a dangling pointer. A job outlives a destroyed store, finishes and deletes itself; the
// connection's context (this) is gone by then, so no callback runs. Job::start() is queued, so
// finished() never fires before read/write/remove return.

void KeychainSecretStore::read(const QString &key, ReadCallback done) {
    qCDebug(lcKeychain) << "read" << key << "from" << m_service;
#ifdef AUTHKIT_SECRET_SERVICE
    // Straight over D-Bus where it can: qtkeychain's read leaks in libsecret < 0.21.2.
    if (!m_session)
        m_session = std::make_shared<SecretServiceSession>();
    auto *reader = new SecretServiceReader(m_service, key, m_session, this);
    reader->start([this, key, done = std::move(done)](SecretServiceReader::Result result,
                                                      const QByteArray &secret) mutable {
        switch (result) {
        case SecretServiceReader::Result::Found:
            qCDebug(lcKeychain) << "read" << key << Status::Ok;
            done(Status::Ok, secret, QString());
            return;
        case SecretServiceReader::Result::NotFound:
            qCDebug(lcKeychain) << "read" << key << Status::NotFound;
            done(Status::NotFound, QByteArray(), QString());
            return;
        case SecretServiceReader::Result::Fallback:
            qCDebug(lcKeychain) << "read" << key << "through qtkeychain";
            readWithQtKeychain(key, std::move(done));
            return;
        }
    });
#else
    readWithQtKeychain(key, std::move(done));
#endif
}

void KeychainSecretStore::readWithQtKeychain(const QString &key, ReadCallback done) {
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    configure(job, key);
    connect(
        job, &QKeychain::Job::finished, this,
        [this, key, done = std::move(done)](QKeychain::Job *finished) mutable {
            const QByteArray secret =
                static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
            complete(this, m_service, Operation::Read, key, finished,
                     [secret, done = std::move(done)](Status status, const QString &error) {
                         done(status, status == Status::Ok ? secret : QByteArray(), error);
                     });
        },
        Qt::SingleShotConnection);
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QByteArray &secret, WriteCallback done) {
    qCDebug(lcKeychain) << "write" << key << "to" << m_service << secret.size() << "bytes";
    auto *job = new QKeychain::WritePasswordJob(m_service);
    configure(job, key);
    job->setBinaryData(secret);
    connect(
        job, &QKeychain::Job::finished, this,
        [this, key, done = std::move(done)](QKeychain::Job *finished) mutable {
            complete(this, m_service, Operation::Write, key, finished, std::move(done));
        },
        Qt::SingleShotConnection);
    job->start();
}

void KeychainSecretStore::remove(const QString &key, WriteCallback done) {
    qCDebug(lcKeychain) << "remove" << key << "from" << m_service;
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    configure(job, key);
    connect(
        job, &QKeychain::Job::finished, this,
        [this, key, done = std::move(done)](QKeychain::Job *finished) mutable {
            complete(this, m_service, Operation::Remove, key, finished, std::move(done));
        },
        Qt::SingleShotConnection);
    job->start();
}

QString KeychainSecretStore::backendName() const {
#if defined(Q_OS_MACOS)
    return tr("macOS Keychain");
#elif defined(Q_OS_IOS)
    return tr("iOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#elif defined(Q_OS_ANDROID)
    return tr("Android Keystore");
#else
    return tr("Secret Service");
#endif
}

} // namespace authkit
