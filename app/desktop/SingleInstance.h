#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QLocalServer;
class QLocalSocket;

// One authkit-desktop per person and data folder. The first launch listens on a local socket in
// the user's runtime folder (XDG_RUNTIME_DIR, mode 0700; the socket itself is user-only); a later
// launch connects, hands over one message and exits 0, and the first raises its window.
//
// The name covers every profile: the app's data folder (the emulator's keys and sessions, the
// settings) belongs to one running app, and a custom-scheme redirect must reach the one instance
// that started the sign-in. Another HOME or XDG_DATA_HOME (a test's throwaway home) is another
// instance.
//
// Wire format (README.md, "authkit-desktop"): one JSON object per line, UTF-8, at
// most kMaxMessageBytes: {"v":1,"command":"raise"}, or {"v":1,"command":"open","url":...} with
// the redirect URL of a custom-scheme sign-in (SchemeHandler.h), checked (an authkit-desktop: URL,
// at most CustomSchemeUserAgent::kMaxRedirectBytes) and then handed to the open handler, whose
// verdict is the answer: the launch that brought the URL learns whether it finished a sign-in. A
// command the first instance does not know is answered {"ok":false,"error":...} and changes
// nothing. Every message is answered with one line, {"ok":true} or {"ok":false,"error":...}. A URL
// is never logged: it carries an authorization code.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    static constexpr int kProtocolVersion = 1;
    static constexpr qsizetype kMaxMessageBytes = 64 * 1024;

    enum class Outcome {
        Primary,   // this process listens: it is the instance
        Forwarded, // another instance runs and has the message
        Failed,    // neither (no runtime folder, a socket error): run alone, say why
    };

    explicit SingleInstance(QString serverName = defaultServerName(), QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket path for this user and the app's data folder (QStandardPaths, so the
    // application name must be set first).
    static QString defaultServerName();

    // Sends message to the running instance and waits for its answer, or, when none answers,
    // listens (a socket left behind by a killed instance is removed and taken over). Decided
    // under a lock file next to the socket, so two launches at once make one instance.
    Outcome claimOrForward(const QJsonObject &message);
    QString serverName() const { return m_serverName; }
    QString errorString() const { return m_error; }
    QJsonObject reply() const { return m_reply; } // the first instance's answer (Forwarded)

    static QJsonObject raiseMessage();
    static QJsonObject openMessage(const QString &url);

    // Takes a checked URL of the "open" command; returns why it was refused, empty when it was
    // taken. Without one, every "open" is refused.
    using OpenHandler = std::function<QString(const QUrl &)>;
    void setOpenHandler(OpenHandler handler) { m_openHandler = std::move(handler); }

Q_SIGNALS:
    void raiseRequested();
    // Every well-formed message of a known command, raise included.
    void messageReceived(const QJsonObject &message);

private:
    bool listen();
    void onNewConnection();
    void onReadyRead(QLocalSocket *socket);
    QJsonObject handle(const QByteArray &line);
    QJsonObject open(const QJsonObject &message);

    QString m_serverName;
    QLocalServer *m_server = nullptr;
    QString m_error;
    QJsonObject m_reply;
    OpenHandler m_openHandler;
};
