#include "LoggedProcess.h"

#include "EventLoopWait.h"

namespace authkit::testsupport {

LoggedProcess::LoggedProcess(const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
}

LoggedProcess::~LoggedProcess()
{
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(15000);
    }
}

bool LoggedProcess::start(const QString &program, const QStringList &arguments)
{
    m_process.start(program, arguments);
    return m_process.waitForStarted(10000);
}

QString LoggedProcess::log()
{
    m_log += QString::fromUtf8(m_process.readAllStandardError());
    return m_log;
}

bool LoggedProcess::waitForLog(const QString &line, int timeoutMs)
{
    return waitUntil([&] { return log().contains(line) || !isRunning(); }, timeoutMs)
           && log().contains(line);
}

bool LoggedProcess::waitForExit(int timeoutMs)
{
    return waitUntil([&] { return !isRunning(); }, timeoutMs);
}

} // namespace authkit::testsupport
