#pragma once

#include <QHash>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

// The local profile's AuthKit emulator as a child process (authkit-emulator, app/emulator), so
// authkit-desktop links none of the emulator (docs/architecture.md). start() runs it and waits,
// bounded, for its ready line (base URL, Convex URL, issuers); the destructor stops it, and the
// child is asked to end with us should we die without running it (PR_SET_PDEATHSIG).
// Its stderr goes on to ours, so the app's log keeps the emulator's lines.
class LocalEmulatorProcess : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString executable;            // empty: findExecutable()
        QString dataDir;               // its key and sessions, so a restart keeps the session
        QString seedFile;              // empty: the built-in seed
        QString convexAuthConfigFile;  // empty: the built-in auth providers
        QStringList extraClientIds;    // besides the local client ID
        int startTimeoutMs = 20000;    // until the ready line
    };

    // The environment variable that names the executable, ahead of the usual places.
    static constexpr char kExecutableVariable[] = "AUTHKIT_EMULATOR";

    explicit LocalEmulatorProcess(Options options, QObject *parent = nullptr);
    ~LocalEmulatorProcess() override;

    // override, else $AUTHKIT_EMULATOR, else authkit-emulator next to this executable (an
    // install), else in ../emulator (the build tree). Empty when none of them exists.
    static QString findExecutable(const QString &override = QString());

    // Starts the child and waits for its ready line. False, with errorString(), when the
    // executable is missing, the child exits early or the line does not come in time.
    bool start();
    // Terminates the child (killed when it does not end within a few seconds).
    void stop();
    QString errorString() const { return m_error; }

    QUrl baseUrl() const { return m_baseUrl; }
    QUrl convexUrl() const { return m_convexUrl; }
    // The iss of the tokens it issues for this client; empty for a client it does not know.
    QString issuerFor(const QString &clientId) const { return m_issuers.value(clientId); }
    qint64 processId() const { return m_process.processId(); }

Q_SIGNALS:
    // The child ended while we still needed it.
    void exitedUnexpectedly(const QString &message);

private:
    bool readReadyLine(const QByteArray &line);
    void forwardStandardError();
    QString lastErrorLine() const;

    Options m_options;
    QProcess m_process;
    QString m_error;
    QUrl m_baseUrl;
    QUrl m_convexUrl;
    QHash<QString, QString> m_issuers;
    QByteArray m_stderrTail; // its last lines, for an error message
    bool m_stopping = false;
};
