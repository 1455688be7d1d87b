#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace authkit::testsupport {

// A child process (authkit-desktop, mostly) and everything it has written on stderr so far;
// killed when this goes if it is still running.
class LoggedProcess
{
public:
    explicit LoggedProcess(const QProcessEnvironment &environment);
    ~LoggedProcess();
    LoggedProcess(const LoggedProcess &) = delete;
    LoggedProcess &operator=(const LoggedProcess &) = delete;

    bool start(const QString &program, const QStringList &arguments);
    QString log();
    // Waits (bounded) until the log has line, or the process has ended.
    bool waitForLog(const QString &line, int timeoutMs = 90000);
    bool waitForExit(int timeoutMs = 90000);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_log;
};

} // namespace authkit::testsupport
