#include "SecretServiceReader_p.h"

#include "SecretServiceSession_p.h"
#include "SecretSessionCipher_p.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusVariant>
#include <QList>
#include <QMap>
#include <QVariant>

#include <iterator>
#include <utility>

namespace authkit {

namespace {

const QString kBusName = QStringLiteral("org.freedesktop.secrets");
const QString kServicePath = QStringLiteral("/org/freedesktop/secrets");
const QString kServiceInterface = QStringLiteral("org.freedesktop.Secret.Service");
constexpr int kCallTimeoutMs = 10000;

// qtkeychain looks for a text entry first, then a binary one (stored base64).
const char *const kTypes[] = {"plaintext", "base64"};
constexpr int kTypeCount = static_cast<int>(std::size(kTypes));

QDBusMessage serviceCall(const QString &method) {
    QDBusMessage message =
        QDBusMessage::createMethodCall(kBusName, kServicePath, kServiceInterface, method);
    // Only a running service: starting one is left to qtkeychain's own path (the fallback).
    message.setAutoStartService(false);
    return message;
}

} // namespace

SecretServiceReader::SecretServiceReader(QString service, QString key,
                                         std::shared_ptr<SecretServiceSession> session,
                                         QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_key(std::move(key))
    , m_session(std::move(session)) {}

SecretServiceReader::~SecretServiceReader() = default;

void SecretServiceReader::start(Done done) {
    m_done = std::move(done);
    static const QMetaType attributesType = qDBusRegisterMetaType<QMap<QString, QString>>();
    Q_UNUSED(attributesType)
    if (!QDBusConnection::sessionBus().isConnected()) {
        QMetaObject::invokeMethod(
            this, [this] { finish(Result::Fallback); }, Qt::QueuedConnection);
        return;
    }
    search(0);
}

void SecretServiceReader::search(int typeIndex) {
    m_typeIndex = typeIndex;
    QDBusMessage message = serviceCall(QStringLiteral("SearchItems"));
    // The attributes qtkeychain's libsecret schema files every entry under.
    const QMap<QString, QString> attributes{
        {QStringLiteral("xdg:schema"), QStringLiteral("org.qt.keychain")},
        {QStringLiteral("server"), m_service},
        {QStringLiteral("user"), m_key},
        {QStringLiteral("type"), QLatin1String(kTypes[typeIndex])},
    };
    message << QVariant::fromValue(attributes);
    call(message, &SecretServiceReader::onSearched);
}

void SecretServiceReader::onSearched(const QDBusMessage &reply) {
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2) {
        finish(Result::Fallback);
        return;
    }
    const auto unlocked = qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(0));
    const auto locked = qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(1));
    if (!unlocked.isEmpty()) {
        m_item = unlocked.first();
        if (m_session->isOpen())
            getSecret();
        else
            openSession();
        return;
    }
    m_sawLocked = m_sawLocked || !locked.isEmpty();
    if (m_typeIndex + 1 < kTypeCount) {
        search(m_typeIndex + 1);
        return;
    }
    // A locked match needs libsecret's unlock prompt.
    finish(m_sawLocked ? Result::Fallback : Result::NotFound);
}

void SecretServiceReader::openSession() {
    m_newCipher = std::make_unique<SecretSessionCipher>();
    if (!m_newCipher->isValid()) {
        finish(Result::Fallback);
        return;
    }
    QDBusMessage message = serviceCall(QStringLiteral("OpenSession"));
    message << QString::fromLatin1(SecretSessionCipher::kAlgorithm)
            << QVariant::fromValue(QDBusVariant(m_newCipher->publicKey()));
    call(message, &SecretServiceReader::onSessionOpened);
}

void SecretServiceReader::onSessionOpened(const QDBusMessage &reply) {
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2) {
        finish(Result::Fallback);
        return;
    }
    const auto path = qdbus_cast<QDBusObjectPath>(reply.arguments().at(1));
    const QVariant output = qdbus_cast<QDBusVariant>(reply.arguments().at(0)).variant();
    const bool keyed = output.metaType() == QMetaType::fromType<QByteArray>() &&
                       m_newCipher->setPeerPublicKey(output.toByteArray());
    // Opened either way: a session we cannot use is closed again, not left to the service.
    m_session->open(path, std::exchange(m_newCipher, nullptr));
    if (!keyed) {
        m_session->close();
        finish(Result::Fallback);
        return;
    }
    getSecret();
}

void SecretServiceReader::getSecret() {
    QDBusMessage message = QDBusMessage::createMethodCall(
        kBusName, m_item.path(), QStringLiteral("org.freedesktop.Secret.Item"),
        QStringLiteral("GetSecret"));
    message.setAutoStartService(false);
    message << QVariant::fromValue(m_session->path());
    call(message, &SecretServiceReader::onSecret);
}

void SecretServiceReader::onSecret(const QDBusMessage &reply) {
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 1 ||
        reply.signature() != QLatin1String("(oayays)")) {
        // Perhaps the session is gone (the service restarted): the next read opens a new one.
        m_session->close();
        finish(Result::Fallback);
        return;
    }
    // The Secret struct: session, parameters (the IV), value (encrypted), content type.
    const QDBusArgument secret = reply.arguments().at(0).value<QDBusArgument>();
    QDBusObjectPath session;
    QByteArray iv;
    QByteArray value;
    QString contentType;
    secret.beginStructure();
    secret >> session >> iv >> value >> contentType;
    secret.endStructure();
    std::optional<QByteArray> plain = m_session->isOpen() && session == m_session->path()
                                          ? m_session->cipher()->decrypt(iv, value)
                                          : std::nullopt;
    if (!plain) {
        m_session->close();
        finish(Result::Fallback);
        return;
    }
    if (m_typeIndex == 1) {
        const QByteArray::FromBase64Result decoded =
            QByteArray::fromBase64Encoding(*plain, QByteArray::AbortOnBase64DecodingErrors);
        plain->fill('\0');
        if (!decoded) {
            finish(Result::Fallback);
            return;
        }
        finish(Result::Found, *decoded);
        return;
    }
    finish(Result::Found, *plain);
}

void SecretServiceReader::call(const QDBusMessage &message,
                               void (SecretServiceReader::*handler)(const QDBusMessage &)) {
    auto *watcher = new QDBusPendingCallWatcher(
        QDBusConnection::sessionBus().asyncCall(message, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, handler] {
        watcher->deleteLater();
        (this->*handler)(watcher->reply());
    });
}

void SecretServiceReader::finish(Result result, const QByteArray &secret) {
    const Done done = std::exchange(m_done, nullptr);
    deleteLater();
    if (done)
        done(result, secret);
}

} // namespace authkit
