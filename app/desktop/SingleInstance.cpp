#include "SingleInstance.h"

#include "DesktopLogging.h"
#include "SchemeHandler.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>

namespace {

constexpr int kConnectTimeoutMs = 2000;
// The first instance may still be starting (its emulator, the keychain) before its loop runs.
constexpr int kAnswerTimeoutMs = 20000;

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QJsonObject failure(const QString &why)
{
    return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), why}};
}

} // namespace

SingleInstance::SingleInstance(QString serverName, QObject *parent)
    : QObject(parent)
    , m_serverName(std::move(serverName))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultServerName()
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString id = QString::fromLatin1(
        QCryptographicHash::hash(QDir::cleanPath(data).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16));
    const QString name = QStringLiteral("authkit-desktop-") + id;
    // The runtime folder is the user's own (0700); without one, Qt's default folder, and the
    // socket's own permissions (UserAccessOption) keep others out.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return runtime.isEmpty() ? name : QDir(runtime).filePath(name);
}

QJsonObject SingleInstance::raiseMessage()
{
    return {{QStringLiteral("v"), kProtocolVersion},
            {QStringLiteral("command"), QStringLiteral("raise")}};
}

QJsonObject SingleInstance::openMessage(const QString &url)
{
    return {{QStringLiteral("v"), kProtocolVersion},
            {QStringLiteral("command"), QStringLiteral("open")},
            {QStringLiteral("url"), url}};
}

SingleInstance::Outcome SingleInstance::claimOrForward(const QJsonObject &message)
{
    // Qt binds a user-only socket under a temporary name and renames it into place, which would
    // silently replace a running instance's socket: so ask first, and decide under a lock, so
    // that two launches at once cannot both become the instance.
    const QString lockPath = (m_serverName.contains(QLatin1Char('/'))
                                  ? m_serverName
                                  : QDir::temp().filePath(m_serverName))
                             + QStringLiteral(".lock");
    QLockFile lock(lockPath);
    if (!lock.tryLock(kAnswerTimeoutMs)) {
        m_error = tr("Cannot take the lock %1").arg(lockPath);
        return Outcome::Failed;
    }

    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (socket.waitForConnected(kConnectTimeoutMs)) {
        socket.write(line(message));
        // Its answer says the message was read; the running instance acts on it in its own time.
        while (!socket.canReadLine()) {
            if (!socket.waitForReadyRead(kAnswerTimeoutMs)) {
                m_error = tr("The running authkit-desktop did not answer: %1")
                              .arg(socket.errorString());
                return Outcome::Failed;
            }
        }
        m_reply = QJsonDocument::fromJson(socket.readLine()).object();
        socket.disconnectFromServer();
        return Outcome::Forwarded;
    }

    // Nobody answers: no instance, or a socket file left by one that was killed.
    QLocalServer::removeServer(m_serverName);
    if (listen())
        return Outcome::Primary;
    m_error = tr("Cannot listen for other launches: %1").arg(m_error);
    return Outcome::Failed;
}

bool SingleInstance::listen()
{
    if (m_server)
        return true;
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_serverName)) {
        m_error = server->errorString();
        delete server;
        return false;
    }
    m_server = server;
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    qCInfo(lcDesktop).noquote() << "single instance: listening for other launches";
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        // Data may have arrived with the connection.
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void SingleInstance::onReadyRead(QLocalSocket *socket)
{
    while (socket->canReadLine()) {
        const QByteArray message = socket->readLine(kMaxMessageBytes + 1);
        socket->write(line(handle(message.trimmed())));
    }
    if (socket->bytesAvailable() > kMaxMessageBytes) {
        // No line end in sight: not a launch of ours. Say so and hang up.
        socket->write(line(failure(QStringLiteral("message too long"))));
        socket->disconnectFromServer();
    }
}

QJsonObject SingleInstance::handle(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (!document.isObject()) {
        qCInfo(lcDesktop) << "single instance: unreadable message ignored";
        return failure(QStringLiteral("not a JSON object"));
    }
    const QJsonObject message = document.object();
    if (message.value(QStringLiteral("v")).toInt() != kProtocolVersion)
        return failure(QStringLiteral("unsupported version"));
    const QString command = message.value(QStringLiteral("command")).toString();
    if (command == QLatin1String("open"))
        return open(message);
    if (command != QLatin1String("raise")) {
        // Never the message itself in the log: a later command carries a redirect URL.
        qCInfo(lcDesktop) << "single instance: unknown command ignored";
        return failure(QStringLiteral("unknown command"));
    }
    qCInfo(lcDesktop) << "single instance: another launch asked to raise the window";
    Q_EMIT messageReceived(message);
    Q_EMIT raiseRequested();
    return {{QStringLiteral("ok"), true}};
}

QJsonObject SingleInstance::open(const QJsonObject &message)
{
    const QJsonValue url = message.value(QStringLiteral("url"));
    const QString problem =
        url.isString() ? SchemeHandler::problem(url.toString()) : QStringLiteral("no url");
    if (!problem.isEmpty()) {
        qCInfo(lcDesktop).noquote() << "single instance: an open command was refused:" << problem;
        return failure(problem);
    }
    if (!m_openHandler)
        return failure(QStringLiteral("not ready for redirects yet"));
    const QString refused = m_openHandler(QUrl(url.toString(), QUrl::StrictMode));
    if (!refused.isEmpty())
        return failure(refused);
    Q_EMIT messageReceived(message);
    return {{QStringLiteral("ok"), true}};
}
