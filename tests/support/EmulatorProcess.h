#pragma once

// The authkit-emulator program in a process of its own, for the suites that measure its memory
// or need it apart from the test process: started on free ports of 127.0.0.1, its URLs read
// from its "authkit-emulator ready {json}" line (lib/emulator/README.md), stopped with SIGTERM
// when the object goes.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace authkit::testsupport {

class EmulatorProcess
{
public:
    explicit EmulatorProcess(QString program);
    ~EmulatorProcess();
    EmulatorProcess(const EmulatorProcess &) = delete;
    EmulatorProcess &operator=(const EmulatorProcess &) = delete;

    /// Starts the program with arguments and waits up to timeoutMs for its ready line; false,
    /// with errorString(), when it did not start or never said it was ready. Its info log is
    /// off unless environment says otherwise; stderr goes to the test's.
    bool start(const QStringList &arguments = {}, int timeoutMs = 15000);
    /// SIGTERM, then SIGKILL after 5 s.
    void stop();

    QUrl baseUrl() const { return m_baseUrl; }
    QUrl convexUrl() const { return m_convexUrl; }
    /// baseUrl() with path, e.g. endpoint("/_emulator/health").
    QUrl endpoint(const QString &path) const;
    qint64 processId() const { return m_process.processId(); }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QString errorString() const { return m_error; }

private:
    QString m_program;
    QProcess m_process;
    QUrl m_baseUrl;
    QUrl m_convexUrl;
    QString m_error;
};

} // namespace authkit::testsupport
